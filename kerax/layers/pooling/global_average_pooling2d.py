"""GlobalAveragePooling2D: the mean over the rows and columns."""
from kerax import ops
from kerax.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalAveragePooling2D(BaseGlobalPooling):
    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(2, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return ops.mean(inputs, axis=self._axes(), keepdims=self.keepdims)
