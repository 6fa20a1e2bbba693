"""UnitNormalization: each sample scaled to unit L2 norm over `axis` (an int or a list of axes):
`x / max(||x||, 1e-12)`."""
from kerax import ops
from kerax.layers.layer import Layer

_EPSILON = 1e-12


class UnitNormalization(Layer):
    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            axis = list(axis)
        elif not isinstance(axis, int):
            raise TypeError(f"UnitNormalization: `axis` must be an int or a list of ints, received "
                            f"axis={axis!r}.")
        self.axis = axis
        self.supports_masking = True

    def call(self, inputs):
        axis = tuple(self.axis) if isinstance(self.axis, list) else self.axis
        squares = ops.sum(ops.square(inputs), axis=axis, keepdims=True)
        # max before sqrt rather than after: the same value, and a finite gradient at x = 0.
        return ops.divide(inputs, ops.sqrt(ops.maximum(squares, _EPSILON ** 2)))

    def compute_output_shape(self, input_shape):
        axes = self.axis if isinstance(self.axis, list) else [self.axis]
        if any(not -len(input_shape) <= a < len(input_shape) for a in axes):
            raise ValueError(f'UnitNormalization layer "{self.name}": axis={self.axis} is out of bounds for '
                             f"input shape {tuple(input_shape)}.")
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}
