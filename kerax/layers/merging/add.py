"""Add: the elementwise sum of a list of tensors."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge, reduce_pairwise


class Add(Merge):
    def _merge_function(self, inputs):
        return reduce_pairwise(ops.add, inputs)


def add(inputs, **kwargs):
    """Functional form of `Add`: `add([x1, x2, ...])`."""
    return Add(**kwargs)(inputs)
