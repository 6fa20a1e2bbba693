"""Engine settings that tf.compat.v1.ConfigProto used to carry: GPU memory, hidden GPUs, placement logging.

JAX reads its memory settings (XLA_PYTHON_CLIENT_PREALLOCATE, XLA_PYTHON_CLIENT_MEM_FRACTION) and its
platforms once, when the engine starts (the first array or computation): set later, they cannot take effect,
and `configure_engine` says which ones came too late instead of dropping them silently.
"""
import os
import sys
import warnings

import jax
from jax._src import xla_bridge  # the one place that knows whether the engine has started

_log_placement = [False]
_warned_gpus_hidden = [False]


def engine_started():
    return xla_bridge.backends_are_initialized()


def configure_engine(allow_growth=None, memory_fraction=None, hide_gpus=None, log_placement=None):
    """Applies the given settings (None leaves one alone); returns the names of those that can no longer take
    effect because the engine has already started."""
    started = engine_started()
    too_late = []
    if allow_growth:  # False is the engine's default (memory is preallocated)
        too_late += _set_env("XLA_PYTHON_CLIENT_PREALLOCATE", "false", started, "allow_growth")
    if memory_fraction is not None:
        if not 0 < float(memory_fraction) <= 1:
            raise ValueError(
                f"per_process_gpu_memory_fraction must be in (0, 1], received {memory_fraction}.")
        too_late += _set_env("XLA_PYTHON_CLIENT_MEM_FRACTION", f"{float(memory_fraction):.4g}", started,
                             "per_process_gpu_memory_fraction")
    if hide_gpus:
        if started:
            if any(d.platform != "cpu" for d in jax.devices()):
                too_late.append("device_count={'GPU': 0}")
        else:
            jax.config.update("jax_platforms", "cpu")
    if log_placement is not None:
        _log_placement[0] = bool(log_placement)
    return too_late


def _set_env(name, value, started, setting):
    if os.environ.get(name) == value:
        return []
    os.environ[name] = value
    return [setting] if started else []


def cpu_only_when_gpus_hidden():
    """CUDA_VISIBLE_DEVICES=-1 (TF's way to hide every GPU) runs on the CPU, without JAX first trying and
    failing to start its GPU platform. Called when the engine is imported; JAX_PLATFORMS, if set, wins."""
    if os.environ.get("CUDA_VISIBLE_DEVICES", "").strip() == "-1" and not os.environ.get("JAX_PLATFORMS") \
            and not engine_started():
        jax.config.update("jax_platforms", "cpu")


def gpus_hidden_too_late():
    """True when CUDA_VISIBLE_DEVICES=-1 was set after the engine started with GPUs (it is read at start)."""
    return os.environ.get("CUDA_VISIBLE_DEVICES") == "-1" and engine_started() and any(
        d.platform == "gpu" for d in jax.devices())


def log_placement(what, devices):
    """With log_device_placement on, prints where a compiled step runs (once per compiled program). Also says,
    once, when CUDA_VISIBLE_DEVICES=-1 came too late to hide the GPUs."""
    if not _warned_gpus_hidden[0] and gpus_hidden_too_late():
        _warned_gpus_hidden[0] = True
        warnings.warn("CUDA_VISIBLE_DEVICES=-1 was set after the engine (JAX) started, so the GPUs stay in "
                      "use. Set it before first use (before any kerax computation, or in the shell).",
                      RuntimeWarning, stacklevel=4)
    if _log_placement[0]:
        print(f"kerax: {what} runs on {', '.join(devices)}", file=sys.stderr, flush=True)
