"""ZeroPadding2D: zeros added before and after the spatial axes of images (batch, rows, cols, channels).
`padding`: an int, one int per axis, or one (before, after) pair per axis."""
from kerax.layers.reshaping.base_spatial_edges import BaseSpatialEdges


class ZeroPadding2D(BaseSpatialEdges):
    _argument = "padding"

    def __init__(self, padding=(1, 1), data_format=None, **kwargs):
        super().__init__(2, padding, data_format, **kwargs)

    def call(self, inputs):
        return self._pad(inputs)
