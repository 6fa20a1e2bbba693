"""AveragePooling2D: the mean over windows of images (batch, rows, cols, channels) (or channels first)."""
from kerax import ops
from kerax.layers.pooling.base_pooling import BasePooling


class AveragePooling2D(BasePooling):
    _pool = staticmethod(ops.average_pool)

    def __init__(self, pool_size=(2, 2), strides=None, padding="valid", data_format=None, **kwargs):
        super().__init__(2, pool_size, strides, padding, data_format, **kwargs)
