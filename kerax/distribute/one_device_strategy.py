"""OneDeviceStrategy: everything on one device."""
from kerax import distribution as distribution_lib
from kerax.distribute.device_names import kerax_device_name
from kerax.distribute.strategy import Strategy


class OneDeviceStrategy(Strategy):
    """Variables and computations on `device` (e.g. '/gpu:0' or 'cpu:0')."""

    def __init__(self, device):
        super().__init__(distribution_lib.DataParallel(devices=[kerax_device_name(device)]))
