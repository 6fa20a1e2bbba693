"""Keras 2's `multi_gpu_model` (deprecated there in favour of tf.distribute): the model trains data-parallel.

Keras 2 built a new model with one copy per GPU and merged their outputs on the CPU. Here the model itself is
returned, set to split each batch over the devices inside its compiled step (kerax.distribution.DataParallel):
it shares everything with the template (saving either saves the same weights), and its outputs keep their
names, so `compile(loss={...})` works unchanged.
"""
import warnings

from kerax import distribution as distribution_lib

_warned = [False]


def multi_gpu_model(model, gpus=None, cpu_merge=True, cpu_relocation=False):
    """`model`, training data-parallel on `gpus` devices (a count, or a list of GPU ids). On a machine without
    GPUs the CPU devices are used (e.g. XLA_FLAGS=--xla_force_host_platform_device_count=N)."""
    if not _warned[0]:
        _warned[0] = True
        warnings.warn("`multi_gpu_model` is deprecated (as in Keras 2.4): create the model inside "
                      "`kerax.distribute.MirroredStrategy().scope()` or set "
                      "`kerax.distribution.DataParallel()` instead.", DeprecationWarning, stacklevel=2)
    devices = _chosen_devices(gpus)
    model._distribution = distribution_lib.DataParallel(devices=devices)
    return model


def _chosen_devices(gpus):
    available = distribution_lib.list_devices("gpu") or distribution_lib.list_devices("cpu")
    platform = available[0].split(":")[0]
    if gpus is None:
        return available
    if isinstance(gpus, (list, tuple)):
        wanted = [f"{platform}:{int(i)}" for i in gpus]
        missing = [d for d in wanted if d not in available]
        if missing or not wanted:
            raise ValueError(f"multi_gpu_model(gpus={list(gpus)}): devices {missing or wanted} do not exist; "
                             f"this machine has {available}.")
        return wanted
    count = int(gpus)
    if count < 1 or count > len(available):
        raise ValueError(f"multi_gpu_model(gpus={gpus}) needs {count} devices, but this machine has "
                         f"{len(available)} ({', '.join(available)}). Ask for at most {len(available)}; on a "
                         "CPU host, more CPU devices come from "
                         "XLA_FLAGS=--xla_force_host_platform_device_count=N.")
    return available[:count]
