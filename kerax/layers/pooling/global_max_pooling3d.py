"""GlobalMaxPooling3D: the maximum over the depth, rows and columns."""
from kerax import ops
from kerax.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalMaxPooling3D(BaseGlobalPooling):
    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(3, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return ops.max(inputs, axis=self._axes(), keepdims=self.keepdims)
