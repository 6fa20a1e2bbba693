"""MaxPooling1D: the maximum over windows of sequences (batch, steps, features) (or channels first)."""
from kerax import ops
from kerax.layers.pooling.base_pooling import BasePooling


class MaxPooling1D(BasePooling):
    _pool = staticmethod(ops.max_pool)

    def __init__(self, pool_size=2, strides=None, padding="valid", data_format=None, **kwargs):
        super().__init__(1, pool_size, strides, padding, data_format, **kwargs)
