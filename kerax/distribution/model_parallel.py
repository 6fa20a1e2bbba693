"""ModelParallel: variables split over mesh axes by a LayoutMap, batches split over the batch axis."""
from kerax.distribution.distribution import Distribution
from kerax.distribution.layout_map import LayoutMap
from kerax.distribution.tensor_layout import TensorLayout


class ModelParallel(Distribution):
    """`layout_map` (with its DeviceMesh) says how matching variables are split, e.g.
    `layout_map['dense.*kernel'] = (None, 'model')`; other variables are replicated. `batch_dim_name`
    (default: the mesh's first axis) splits the data."""

    def __init__(self, *, layout_map=None, batch_dim_name=None, auto_shard_dataset=True, **kwargs):
        kwargs.pop("device_mesh", None)  # Keras 3.0 spelling; the layout map's mesh is used
        if kwargs:
            raise TypeError(f"ModelParallel() got unexpected keyword argument(s) {sorted(kwargs)}.")
        if layout_map is None:
            raise ValueError("You must specify a layout_map argument.")
        if not isinstance(layout_map, LayoutMap):
            raise ValueError(f"Argument `layout_map` must be a `LayoutMap` instance. Received: "
                             f"layout_map={layout_map}")
        if layout_map.device_mesh is None:
            raise ValueError("The LayoutMap of a ModelParallel needs a DeviceMesh: LayoutMap(device_mesh).")
        super().__init__(layout_map.device_mesh, batch_dim_name, auto_shard_dataset)
        self._layout_map = layout_map

    def get_variable_layout(self, variable):
        layout = self._layout_map[variable.path]
        if layout is None:
            return TensorLayout([None] * len(variable.shape), self.device_mesh)
        if len(layout.axes) != len(variable.shape):
            raise ValueError(f"The layout {layout.axes} for variable '{variable.path}' has "
                             f"{len(layout.axes)} axes, but the variable has shape {variable.shape}.")
        return layout

    def get_tensor_layout(self, path):
        return self._layout_map[path]
