"""DeviceMesh: the devices of a computation laid out on named axes (`jax.sharding.Mesh` in the engine)."""
import numpy as np

from kerax import backend


class DeviceMesh:
    """`shape` (e.g. `(8,)`, or `(2, 4)` for data x model parallelism), one name per axis, and the devices
    (names like 'cpu:0'; default: every device of `list_devices()`)."""

    def __init__(self, shape, axis_names, devices=None):
        if not shape or not axis_names:
            raise ValueError(f"Shape and axis_names cannot be empty. Received: shape={shape}, "
                             f"axis_names={axis_names}")
        if len(shape) != len(axis_names):
            raise ValueError(f"Shape and axis_names should have same size. Received: shape={shape}, "
                             f"axis_names={axis_names}")
        devices = np.array(backend.list_devices() if devices is None else devices, dtype=object)
        if int(np.prod(shape)) != devices.size:
            raise ValueError(f"Shape does not match the number of devices. Received: shape={shape}; "
                             f"devices.shape={devices.shape}")
        self._shape = tuple(shape)
        self._axis_names = tuple(axis_names)
        self._devices = devices.reshape(self._shape)
        self._engine_mesh = backend.device_mesh(self._shape, self._axis_names, self._devices)  # checks names

    @property
    def shape(self):
        return self._shape

    @property
    def axis_names(self):
        return self._axis_names

    @property
    def devices(self):
        return self._devices

    def axis_size(self, name):
        return self._shape[self._axis_names.index(name)]

    @property
    def engine_mesh(self):
        return self._engine_mesh

    def __repr__(self):
        return f"<DeviceMesh shape={self.shape}, axis_names={self.axis_names}>"
