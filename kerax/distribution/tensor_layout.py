"""TensorLayout: how each dimension of a tensor is split over the axes of a DeviceMesh."""
from kerax import backend


class TensorLayout:
    """`axes`: one mesh axis name per tensor dimension, or None for a dimension kept whole on every device.
    The mesh may be given later (a LayoutMap gives its own)."""

    def __init__(self, axes, device_mesh=None):
        self._axes = tuple(axes)
        self._device_mesh = device_mesh
        self._validate_axes()

    @property
    def axes(self):
        return self._axes

    @property
    def device_mesh(self):
        return self._device_mesh

    @device_mesh.setter
    def device_mesh(self, device_mesh):
        if self._device_mesh is not None:
            raise ValueError(f"Cannot override device mesh value. Existing value is {self._device_mesh}")
        self._device_mesh = device_mesh
        self._validate_axes()

    def _validate_axes(self):
        if self._device_mesh is None:
            return
        unknown = set(self._axes) - {None} - set(self._device_mesh.axis_names)
        if unknown:
            raise ValueError(f"Invalid axis names for Layout. Valid axis names: "
                             f"{set(self._device_mesh.axis_names)}, Got {set(self._axes) - {None}}")

    @property
    def engine_layout(self):
        if self._device_mesh is None:
            raise ValueError(f"{self} has no device mesh: pass `device_mesh=` or put it in a LayoutMap.")
        return backend.tensor_layout(self._device_mesh.engine_mesh, self._axes)

    def __eq__(self, other):
        return isinstance(other, TensorLayout) and (self.axes, self.device_mesh) == (
            other.axes, other.device_mesh)

    __hash__ = object.__hash__

    def __repr__(self):
        return f"<TensorLayout axes={self.axes}, device_mesh={self.device_mesh}>"
