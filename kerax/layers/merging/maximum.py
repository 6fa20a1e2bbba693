"""Maximum: the elementwise maximum of a list of tensors."""
from kerax import ops
from kerax.layers.merging.base_merge import Merge, reduce_pairwise


class Maximum(Merge):
    def _merge_function(self, inputs):
        return reduce_pairwise(ops.maximum, inputs)


def maximum(inputs, **kwargs):
    """Functional form of `Maximum`: `maximum([x1, x2, ...])`."""
    return Maximum(**kwargs)(inputs)
