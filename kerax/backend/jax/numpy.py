"""NumPy-like ops on JAX arrays. Each accepts Variables wherever it accepts arrays."""
import builtins
import functools

import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.common.variables import Variable
from kerax.backend.jax.core import convert_to_tensor


def _unwrap(x):
    if isinstance(x, Variable):
        return x.value
    # builtins.any: this module's own `any` is the array op defined below.
    if isinstance(x, (list, tuple)) and builtins.any(isinstance(v, Variable) for v in x):
        return type(x)(_unwrap(v) for v in x)
    return x


def _op(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*(_unwrap(a) for a in args), **{k: _unwrap(v) for k, v in kwargs.items()})

    return wrapper


# Elementwise math.
abs = absolute = _op(jnp.abs)
add = _op(jnp.add)
subtract = _op(jnp.subtract)
multiply = _op(jnp.multiply)
divide = true_divide = _op(jnp.true_divide)
floor_divide = _op(jnp.floor_divide)
mod = _op(jnp.mod)
power = _op(jnp.power)
negative = _op(jnp.negative)
square = _op(jnp.square)
sqrt = _op(jnp.sqrt)
exp = _op(jnp.exp)
expm1 = _op(jnp.expm1)
log = _op(jnp.log)
log1p = _op(jnp.log1p)
log2 = _op(jnp.log2)
log10 = _op(jnp.log10)
sign = _op(jnp.sign)
sin = _op(jnp.sin)
cos = _op(jnp.cos)
tan = _op(jnp.tan)
tanh = _op(jnp.tanh)
sinh = _op(jnp.sinh)
cosh = _op(jnp.cosh)
arctan = _op(jnp.arctan)
arctan2 = _op(jnp.arctan2)
arcsin = _op(jnp.arcsin)
arccos = _op(jnp.arccos)
floor = _op(jnp.floor)
ceil = _op(jnp.ceil)
round = _op(jnp.round)
maximum = _op(jnp.maximum)
minimum = _op(jnp.minimum)
clip = _op(lambda x, x_min, x_max: jnp.clip(x, x_min, x_max))
reciprocal = _op(jnp.reciprocal)
logaddexp = _op(jnp.logaddexp)
isnan = _op(jnp.isnan)
isinf = _op(jnp.isinf)
isfinite = _op(jnp.isfinite)
nan_to_num = _op(jnp.nan_to_num)

# Comparison and logic.
equal = _op(jnp.equal)
not_equal = _op(jnp.not_equal)
greater = _op(jnp.greater)
greater_equal = _op(jnp.greater_equal)
less = _op(jnp.less)
less_equal = _op(jnp.less_equal)
logical_and = _op(jnp.logical_and)
logical_or = _op(jnp.logical_or)
logical_not = _op(jnp.logical_not)
logical_xor = _op(jnp.logical_xor)
where = _op(jnp.where)
allclose = _op(jnp.allclose)

# Reductions.
sum = _op(jnp.sum)
prod = _op(jnp.prod)
max = amax = _op(jnp.max)
min = amin = _op(jnp.min)
argmax = _op(jnp.argmax)
argmin = _op(jnp.argmin)
all = _op(jnp.all)
any = _op(jnp.any)
var = _op(jnp.var)
std = _op(jnp.std)
cumsum = _op(jnp.cumsum)
cumprod = _op(jnp.cumprod)
count_nonzero = _op(jnp.count_nonzero)


@_op
def mean(x, axis=None, keepdims=False):
    x = convert_to_tensor(x)
    if not jnp.issubdtype(x.dtype, jnp.floating):
        x = x.astype(config.floatx())
    return jnp.mean(x, axis=axis, keepdims=keepdims)


# Linear algebra.
matmul = _op(jnp.matmul)
dot = _op(jnp.dot)
tensordot = _op(jnp.tensordot)
einsum = _op(jnp.einsum)
outer = _op(jnp.outer)
trace = _op(jnp.trace)
diag = _op(jnp.diag)
diagonal = _op(jnp.diagonal)
eye = jnp.eye
identity = jnp.identity
tri = jnp.tri
tril = _op(jnp.tril)
triu = _op(jnp.triu)

# Shape manipulation.
reshape = _op(jnp.reshape)
transpose = _op(jnp.transpose)
swapaxes = _op(jnp.swapaxes)
moveaxis = _op(jnp.moveaxis)
expand_dims = _op(jnp.expand_dims)
squeeze = _op(jnp.squeeze)
ravel = _op(jnp.ravel)
concatenate = _op(jnp.concatenate)
stack = _op(jnp.stack)
split = _op(jnp.split)
tile = _op(jnp.tile)
repeat = _op(jnp.repeat)
flip = _op(jnp.flip)
roll = _op(jnp.roll)
pad = _op(jnp.pad)
broadcast_to = _op(jnp.broadcast_to)
take = _op(jnp.take)
take_along_axis = _op(jnp.take_along_axis)
sort = _op(jnp.sort)
argsort = _op(jnp.argsort)
meshgrid = _op(jnp.meshgrid)


@_op
def get_item(x, key):
    return x[key]


@_op
def size(x):
    return jnp.size(x)


@_op
def ndim(x):
    return jnp.ndim(x)


# Creation.
zeros = jnp.zeros
ones = jnp.ones
full = jnp.full
arange = jnp.arange
linspace = jnp.linspace
zeros_like = _op(jnp.zeros_like)
ones_like = _op(jnp.ones_like)
full_like = _op(jnp.full_like)


def array(x, dtype=None):
    return convert_to_tensor(x, dtype=dtype)


def cast(x, dtype):
    return convert_to_tensor(x, dtype=dtype)


def one_hot(x, num_classes, axis=-1, dtype=None):
    return jax.nn.one_hot(_unwrap(x), num_classes, axis=axis, dtype=dtype or config.floatx())


def segment_sum(data, segment_ids, num_segments=None):
    return jax.ops.segment_sum(_unwrap(data), _unwrap(segment_ids), num_segments=num_segments)


def top_k(x, k, sorted=True):
    return jax.lax.top_k(_unwrap(x), k)


def in_top_k(targets, predictions, k):
    targets = _unwrap(targets)
    predictions = _unwrap(predictions)
    target_scores = jnp.take_along_axis(predictions, targets[:, None].astype("int32"), axis=-1)
    # Ties count as in the top k, as in TensorFlow's in_top_k.
    return jnp.sum(predictions > target_scores, axis=-1) < k


def logsumexp(x, axis=None, keepdims=False):
    return jax.nn.logsumexp(_unwrap(x), axis=axis, keepdims=keepdims)


def qr(x, mode="reduced"):
    return jnp.linalg.qr(_unwrap(x), mode=mode)


def norm(x, ord=None, axis=None, keepdims=False):
    return jnp.linalg.norm(_unwrap(x), ord=ord, axis=axis, keepdims=keepdims)
