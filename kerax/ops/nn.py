"""Neural-network ops: activations and normalization statistics."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "relu", "relu6", "sigmoid", "softplus", "softsign", "silu", "swish", "elu", "selu", "leaky_relu",
    "log_sigmoid", "gelu", "hard_sigmoid", "softmax", "log_softmax", "moments",
    "celu", "glu", "hard_shrink", "hard_tanh", "soft_shrink", "sparse_plus", "sparse_sigmoid", "sparsemax",
    "squareplus", "tanh_shrink", "threshold",
)
_export(globals(), _backend.nn, __all__)
