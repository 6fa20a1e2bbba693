"""Cropping1D: values cut off before and after the spatial axes of sequences (batch, steps, features).
`cropping`: an int, one int per axis, or one (before, after) pair per axis."""
from kerax.layers.reshaping.base_spatial_edges import BaseSpatialEdges


class Cropping1D(BaseSpatialEdges):
    _argument = "cropping"
    _sign = -1

    def __init__(self, cropping=(1, 1), data_format=None, **kwargs):
        super().__init__(1, cropping, data_format, **kwargs)

    def call(self, inputs):
        return self._crop(inputs)
