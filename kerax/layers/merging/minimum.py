"""Minimum: the elementwise minimum of a list of tensors."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge, reduce_pairwise


class Minimum(Merge):
    def _merge_function(self, inputs):
        return reduce_pairwise(ops.minimum, inputs)


def minimum(inputs, **kwargs):
    """Functional form of `Minimum`: `minimum([x1, x2, ...])`."""
    return Minimum(**kwargs)(inputs)
