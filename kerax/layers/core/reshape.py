"""Reshape: gives each sample a new shape (one dimension may be -1)."""
import math

from kerax import ops
from kerax.layers.layer import Layer


class Reshape(Layer):
    def __init__(self, target_shape, **kwargs):
        super().__init__(**kwargs)
        self.target_shape = tuple(target_shape)
        if sum(d == -1 for d in self.target_shape) > 1:
            raise ValueError(f"Reshape: at most one dimension may be -1, received target_shape={target_shape}.")

    def call(self, inputs):
        return ops.reshape(inputs, (inputs.shape[0],) + self._resolved(inputs.shape[1:]))

    def _resolved(self, sample_shape):
        if -1 not in self.target_shape:
            known = math.prod(self.target_shape)
            if None not in sample_shape and math.prod(sample_shape) != known:
                raise ValueError(
                    f'Reshape layer "{self.name}": cannot reshape a sample of shape {tuple(sample_shape)} '
                    f"({math.prod(sample_shape)} values) into {self.target_shape} ({known} values)."
                )
            return self.target_shape
        if None in sample_shape:
            return tuple(None if d == -1 else d for d in self.target_shape)
        known = math.prod(d for d in self.target_shape if d != -1)
        total = math.prod(sample_shape)
        if total % known:
            raise ValueError(
                f'Reshape layer "{self.name}": cannot reshape a sample of shape {tuple(sample_shape)} into '
                f"{self.target_shape}."
            )
        return tuple(total // known if d == -1 else d for d in self.target_shape)

    def compute_output_shape(self, input_shape):
        return (input_shape[0],) + self._resolved(tuple(input_shape[1:]))

    def get_config(self):
        return {**super().get_config(), "target_shape": list(self.target_shape)}
