"""Masking: time steps whose features all equal `mask_value` are masked (skipped by the layers downstream that
support masking) and set to zero."""
from kerax import ops
from kerax.layers.layer import Layer


class Masking(Layer):
    def __init__(self, mask_value=0.0, **kwargs):
        super().__init__(**kwargs)
        self.mask_value = mask_value
        self.supports_masking = True

    def compute_mask(self, inputs, previous_mask=None):
        return self._kept_steps(inputs)

    def call(self, inputs):
        return ops.where(ops.expand_dims(self._kept_steps(inputs), -1), inputs, ops.zeros_like(inputs))

    def _kept_steps(self, inputs):
        return ops.any(ops.not_equal(inputs, self.mask_value), axis=-1)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "mask_value": self.mask_value}
