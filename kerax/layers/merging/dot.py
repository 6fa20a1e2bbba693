"""Dot: per-sample dot product of two tensors along `axes` (Keras's batch_dot). With `normalize=True` both
inputs are L2-normalized along those axes first, giving the cosine similarity."""
import string

from kerax import ops
from kerax.layers.merging.base_merge import Merge


class Dot(Merge):
    exact_inputs = 2

    def __init__(self, axes, normalize=False, **kwargs):
        super().__init__(**kwargs)
        if isinstance(axes, (list, tuple)):
            if len(axes) != 2 or not all(isinstance(a, int) for a in axes):
                raise ValueError(f"Dot: `axes` must be an int or a pair of ints, received axes={axes!r}.")
            axes = list(axes)
        elif not isinstance(axes, int):
            raise TypeError(f"Dot: `axes` must be an int or a pair of ints, received axes={axes!r}.")
        self.axes = axes
        self.normalize = normalize

    def _resolved_axes(self, shapes):
        pair = self.axes if isinstance(self.axes, list) else [self.axes, self.axes]
        resolved = [a % len(s) for a, s in zip(pair, shapes)]
        if 0 in resolved:
            raise ValueError(f'Dot layer "{self.name}": cannot take the dot product over the batch axis 0 '
                             f"(axes={self.axes}, input shapes {shapes}).")
        d1, d2 = shapes[0][resolved[0]], shapes[1][resolved[1]]
        if d1 is not None and d2 is not None and d1 != d2:
            raise ValueError(
                f'Dot layer "{self.name}": incompatible input shapes: axis values {d1} (at axis '
                f"{resolved[0]}) != {d2} (at axis {resolved[1]}). Full input shapes: {shapes[0]}, {shapes[1]}"
            )
        return resolved

    def build(self, input_shape):
        self._resolved_axes(self._checked_shapes(input_shape))
        self.built = True

    def call(self, inputs):
        x, y = inputs
        ax, ay = self._resolved_axes([tuple(x.shape), tuple(y.shape)])
        if self.normalize:
            x, y = _l2_normalize(x, ax), _l2_normalize(y, ay)
        letters = iter(string.ascii_letters[1:])
        x_sub = ["a"] + [next(letters) for _ in range(1, x.ndim)]
        y_sub = ["a"] + [x_sub[ax] if i == ay else next(letters) for i in range(1, y.ndim)]
        out = [c for i, c in enumerate(x_sub) if i != ax]
        out += [c for i, c in enumerate(y_sub) if i not in (0, ay)]
        result = ops.einsum(f"{''.join(x_sub)},{''.join(y_sub)}->{''.join(out)}", x, y)
        return ops.expand_dims(result, -1) if result.ndim == 1 else result

    def compute_output_shape(self, input_shape):
        s1, s2 = self._checked_shapes(input_shape)
        ax, ay = self._resolved_axes([s1, s2])
        shape = [d for i, d in enumerate(s1) if i != ax] + [d for i, d in enumerate(s2) if i not in (0, ay)]
        return tuple(shape + [1] if len(shape) == 1 else shape)

    def compute_mask(self, inputs, previous_mask=None):
        return None

    def get_config(self):
        return {**super().get_config(), "axes": self.axes, "normalize": self.normalize}


def _l2_normalize(x, axis):
    squared_norm = ops.sum(ops.square(x), axis=axis, keepdims=True)
    return ops.divide(x, ops.sqrt(ops.maximum(squared_norm, 1e-12)))


def dot(inputs, axes=-1, **kwargs):
    """Functional form of `Dot`: `dot([x1, x2], axes, normalize=False)`."""
    return Dot(axes=axes, **kwargs)(inputs)
