"""GlobalMaxPooling2D: the maximum over the rows and columns."""
from kerax import ops
from kerax.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalMaxPooling2D(BaseGlobalPooling):
    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(2, data_format, keepdims, **kwargs)

    def call(self, inputs):
        return ops.max(inputs, axis=self._axes(), keepdims=self.keepdims)
