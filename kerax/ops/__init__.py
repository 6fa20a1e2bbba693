"""kerax.ops: the public NumPy-like and neural-network ops. Each one calls the active backend; called on
symbolic tensors (from `kerax.Input`), it adds a node to the functional graph instead."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

NUMPY_OPS = (
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
NN_OPS = (
    "relu", "relu6", "sigmoid", "softplus", "softsign", "silu", "swish", "elu", "selu", "leaky_relu",
    "log_sigmoid", "gelu", "hard_sigmoid", "softmax", "log_softmax", "moments",
)
_export(globals(), _backend.numpy, NUMPY_OPS)
_export(globals(), _backend.nn, NN_OPS)

convert_to_tensor = _backend.convert_to_tensor
convert_to_numpy = _backend.convert_to_numpy
is_tensor = _backend.is_tensor
shape = _backend.shape
stop_gradient = _backend.stop_gradient
cond = _backend.cond
scan = _backend.scan
fori_loop = _backend.fori_loop
while_loop = _backend.while_loop
