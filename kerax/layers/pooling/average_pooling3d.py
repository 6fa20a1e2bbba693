"""AveragePooling3D: the mean over windows of volumes (batch, depth, rows, cols, channels) (or channels first)."""
from kerax import ops
from kerax.layers.pooling.base_pooling import BasePooling


class AveragePooling3D(BasePooling):
    _pool = staticmethod(ops.average_pool)

    def __init__(self, pool_size=(2, 2, 2), strides=None, padding="valid", data_format=None, **kwargs):
        super().__init__(3, pool_size, strides, padding, data_format, **kwargs)
