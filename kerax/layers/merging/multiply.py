"""Multiply: the elementwise product of a list of tensors."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge, reduce_pairwise


class Multiply(Merge):
    def _merge_function(self, inputs):
        return reduce_pairwise(ops.multiply, inputs)


def multiply(inputs, **kwargs):
    """Functional form of `Multiply`: `multiply([x1, x2, ...])`."""
    return Multiply(**kwargs)(inputs)
