"""Average: the elementwise mean of a list of tensors."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge, reduce_pairwise


class Average(Merge):
    def _merge_function(self, inputs):
        return ops.divide(reduce_pairwise(ops.add, inputs), len(inputs))


def average(inputs, **kwargs):
    """Functional form of `Average`: `average([x1, x2, ...])`."""
    return Average(**kwargs)(inputs)
