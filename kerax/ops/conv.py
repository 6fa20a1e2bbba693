"""Convolution and pooling ops."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "conv", "depthwise_conv", "separable_conv", "conv_transpose", "max_pool", "average_pool",
    "adaptive_average_pool", "adaptive_max_pool",
)
_export(globals(), _backend.conv, __all__)
