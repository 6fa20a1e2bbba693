"""Neural-network ops: activations and normalization statistics."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "relu", "relu6", "sigmoid", "softplus", "softsign", "silu", "swish", "elu", "selu", "leaky_relu",
    "log_sigmoid", "gelu", "hard_sigmoid", "softmax", "log_softmax", "moments",
)
_export(globals(), _backend.nn, __all__)
