"""RepeatVector: turns each sample `(features,)` into `(n, features)` by repeating it n times."""
import numbers

from kerax import ops
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class RepeatVector(Layer):
    def __init__(self, n, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(n, numbers.Integral) or isinstance(n, bool) or n <= 0:
            raise ValueError(f"RepeatVector: `n` must be a positive integer, received n={n!r}.")
        self.n = int(n)
        self.input_spec = InputSpec(ndim=2)

    def call(self, inputs):
        return ops.repeat(ops.expand_dims(inputs, 1), self.n, axis=1)

    def compute_output_shape(self, input_shape):
        return (input_shape[0], self.n, input_shape[1])

    def get_config(self):
        return {**super().get_config(), "n": self.n}
