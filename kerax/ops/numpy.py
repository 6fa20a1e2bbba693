"""NumPy-like ops."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "abs", "absolute", "add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "mod", "power",
    "negative", "square", "sqrt", "exp", "expm1", "log", "log1p", "log2", "log10", "sign", "sin", "cos", "tan",
    "tanh", "sinh", "cosh", "arctan", "arctan2", "arcsin", "arccos", "floor", "ceil", "round", "maximum",
    "minimum", "clip", "reciprocal", "logaddexp", "isnan", "isinf", "isfinite", "nan_to_num",
    "equal", "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and", "logical_or",
    "logical_not", "logical_xor", "where", "allclose",
    "sum", "prod", "max", "amax", "min", "amin", "argmax", "argmin", "all", "any", "var", "std", "mean",
    "cumsum", "cumprod", "count_nonzero",
    "matmul", "dot", "tensordot", "einsum", "outer", "trace", "diag", "diagonal", "eye", "identity", "tri",
    "tril", "triu",
    "reshape", "transpose", "swapaxes", "moveaxis", "expand_dims", "squeeze", "ravel", "concatenate",
    "stack", "split", "tile", "repeat", "flip", "roll", "pad", "broadcast_to", "take", "take_along_axis",
    "sort", "argsort", "meshgrid", "get_item", "size", "ndim",
    "zeros", "ones", "full", "arange", "linspace", "zeros_like", "ones_like", "full_like", "array", "cast",
    "one_hot", "segment_sum", "top_k", "in_top_k", "logsumexp", "norm", "qr",
)
_export(globals(), _backend.numpy, __all__)
