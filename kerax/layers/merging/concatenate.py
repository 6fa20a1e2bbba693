"""Concatenate: joins a list of tensors along `axis`; all other dimensions must match."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge


class Concatenate(Merge):
    def __init__(self, axis=-1, **kwargs):
        super().__init__(**kwargs)
        if not isinstance(axis, int):
            raise ValueError(f"Concatenate: `axis` must be an integer, received axis={axis!r}.")
        self.axis = axis

    def build(self, input_shape):
        self._checked_concat_shapes(input_shape)
        self.built = True

    def call(self, inputs):
        return ops.concatenate(list(inputs), axis=self.axis)

    def compute_output_shape(self, input_shape):
        shapes = self._checked_concat_shapes(input_shape)
        axis = self.axis % len(shapes[0])
        output = list(shapes[0])
        for shape in shapes:
            for i, d in enumerate(shape):
                if i != axis and output[i] is None:
                    output[i] = d
        sizes = [s[axis] for s in shapes]
        output[axis] = None if None in sizes else sum(sizes)
        return tuple(output)

    def compute_mask(self, inputs, previous_mask=None):
        """The inputs' masks (all True where an input has none) joined along `axis`, then reduced over the
        last axis with a logical AND, as in Keras."""
        masks = previous_mask if isinstance(previous_mask, (list, tuple)) else [previous_mask]
        if all(m is None for m in masks):
            return None
        full = []
        for x, m in zip(inputs, masks):
            if m is None:
                m = ops.ones_like(x, dtype="bool")
            elif m.ndim < x.ndim:
                m = ops.broadcast_to(ops.expand_dims(m, -1), x.shape)
            full.append(m)
        return ops.all(ops.concatenate(full, axis=self.axis), axis=-1)

    def _checked_concat_shapes(self, input_shape):
        shapes = self._checked_shapes(input_shape)
        ranks = {len(s) for s in shapes}
        problem = len(ranks) != 1 or not -len(shapes[0]) <= self.axis < len(shapes[0])
        if not problem:
            axis = self.axis % len(shapes[0])
            for i in range(len(shapes[0])):
                known = {s[i] for s in shapes} - {None}
                problem = problem or (i != axis and len(known) > 1)
        if problem:
            raise ValueError(
                f'A `Concatenate` layer ("{self.name}") requires inputs with matching shapes except for the '
                f"concatenation axis {self.axis}. Received: input_shape={shapes}"
            )
        return shapes

    def get_config(self):
        return {**super().get_config(), "axis": self.axis}


def concatenate(inputs, axis=-1, **kwargs):
    """Functional form of `Concatenate`: `concatenate([x1, x2, ...], axis=-1)`."""
    return Concatenate(axis=axis, **kwargs)(inputs)
