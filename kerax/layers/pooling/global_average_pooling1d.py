"""GlobalAveragePooling1D: the mean over the steps; with a mask (batch, steps), over the unmasked steps only."""
from kerax import ops
from kerax.layers.pooling.base_global_pooling import BaseGlobalPooling


class GlobalAveragePooling1D(BaseGlobalPooling):
    def __init__(self, data_format=None, keepdims=False, **kwargs):
        super().__init__(1, data_format, keepdims, **kwargs)
        self.supports_masking = True

    def call(self, inputs, mask=None):
        axis = self._axes()[0]
        if mask is None:
            return ops.mean(inputs, axis=axis, keepdims=self.keepdims)
        weights = ops.expand_dims(ops.cast(mask, inputs.dtype), 1 if axis == 2 else 2)
        total = ops.sum(inputs * weights, axis=axis, keepdims=self.keepdims)
        return total / ops.sum(weights, axis=axis, keepdims=self.keepdims)

    def compute_mask(self, inputs, previous_mask=None):
        return None
