"""Subtract: `inputs[0] - inputs[1]`, for exactly two tensors."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge


class Subtract(Merge):
    exact_inputs = 2

    def _merge_function(self, inputs):
        return ops.subtract(inputs[0], inputs[1])


def subtract(inputs, **kwargs):
    """Functional form of `Subtract`: `subtract([x1, x2, ...])`."""
    return Subtract(**kwargs)(inputs)
