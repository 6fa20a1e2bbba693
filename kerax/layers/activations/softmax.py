"""Softmax over `axis` (an int or a list of axes). With a mask (True / > 0.5 = keep), masked positions get
probability 0; a fully masked slice gives all zeros."""
from kerax import backend, ops
from kerax.layers.layer import Layer


class Softmax(Layer):
    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        self.axis = list(axis) if isinstance(axis, tuple) else axis
        self.supports_masking = True

    def call(self, inputs, mask=None):
        if mask is not None:
            mask = self._keep(inputs, mask)
            # As Keras: a large negative logit rather than -inf, so fully masked slices stay finite.
            large_negative = -3e4 if backend.standardize_dtype(inputs.dtype) == "float16" else -1e9
            inputs = ops.where(mask, inputs, ops.cast(large_negative, inputs.dtype))
        outputs = ops.softmax(inputs, axis=tuple(self.axis) if isinstance(self.axis, list) else self.axis)
        return outputs if mask is None else ops.where(mask, outputs, ops.zeros_like(outputs))

    def _keep(self, inputs, mask):
        mask = ops.convert_to_tensor(mask)
        compatible = mask.ndim <= inputs.ndim and all(
            m in (1, i) for m, i in zip(reversed(mask.shape), reversed(inputs.shape)))
        if not compatible:
            raise ValueError(f'Softmax layer "{self.name}": the mask must broadcast to the inputs (each mask '
                             f"axis 1 or equal to the input's), received inputs.shape={tuple(inputs.shape)} "
                             f"and mask.shape={tuple(mask.shape)}.")
        if backend.standardize_dtype(mask.dtype) != "bool":
            mask = ops.greater(mask, 0.5)
        return mask

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}
