"""DataParallel: every device holds all the variables and computes on its part of each batch."""
import warnings

import numpy as np

from kerax import backend
from kerax.distribution.device_mesh import DeviceMesh
from kerax.distribution.distribution import Distribution
from kerax.distribution.tensor_layout import TensorLayout

DEFAULT_BATCH_DIM_NAME = "batch"


class DataParallel(Distribution):
    """Give either `device_mesh` (its first axis splits the batch) or `devices`; with neither, every device of
    `list_devices()` is used."""

    def __init__(self, device_mesh=None, devices=None, auto_shard_dataset=True):
        if device_mesh is not None and devices is not None:
            raise ValueError("Pass either `device_mesh` or `devices` to DataParallel, not both.")
        if device_mesh is not None:
            if not isinstance(device_mesh, DeviceMesh):
                raise ValueError("Expect `mesh` to be an instance of `DeviceMesh`. Received: "
                                 f"mesh={device_mesh} (of type {type(device_mesh)})")
            if len(device_mesh.shape) != 1:
                warnings.warn(f"Expect the input mesh to be 1D, but received mesh.devices.ndim="
                              f"{len(device_mesh.shape)}. The first axis will be used for data-parallel "
                              "sharding.", stacklevel=2)
        else:
            devices = np.array(backend.list_devices() if devices is None else list(devices), dtype=object)
            device_mesh = DeviceMesh(devices.shape, [DEFAULT_BATCH_DIM_NAME], devices)
        super().__init__(device_mesh, device_mesh.axis_names[0], auto_shard_dataset)

    def get_variable_layout(self, variable):
        return TensorLayout([None] * len(variable.shape), self.device_mesh)
