"""MirroredStrategy: synchronous data parallelism on the devices of this machine."""
from kerax import distribution as distribution_lib
from kerax.distribute.device_names import kerax_device_name
from kerax.distribute.strategy import Strategy


class MirroredStrategy(Strategy):
    """Every device keeps a copy of the variables and trains on its part of each batch; gradients are summed
    inside the compiled step. `devices` defaults to every device of the default platform (all GPUs, or the
    CPU devices); `cross_device_ops` is accepted for compatibility (XLA chooses the reductions)."""

    def __init__(self, devices=None, cross_device_ops=None, num_gpus=None):
        if devices is None and num_gpus is not None:
            devices = distribution_lib.list_devices("gpu")[:num_gpus]
            if len(devices) < num_gpus:
                raise ValueError(f"MirroredStrategy(num_gpus={num_gpus}) needs {num_gpus} GPUs; this machine "
                                 f"has {len(devices)}.")
        if devices is not None:
            devices = [kerax_device_name(d) for d in devices]
            if not devices:
                raise ValueError("MirroredStrategy(devices=[]) needs at least one device.")
        super().__init__(distribution_lib.DataParallel(devices=devices))

