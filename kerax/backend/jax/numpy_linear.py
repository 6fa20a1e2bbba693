"""Products, triangles and diagonals, differences, correlation and counting (JAX): the linear-algebra-flavoured
part of `keras.ops.numpy`."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import as_float, binary, compiled, tensor

__all__ = [
    "matmul", "dot", "tensordot", "einsum", "outer", "inner", "vdot", "kron", "cross", "trace", "diagonal",
    "tril", "triu", "diff", "trapezoid", "correlate", "corrcoef", "histogram", "bincount", "slogdet",
]

dot, inner, vdot, kron = binary(jnp.dot), binary(jnp.inner), binary(jnp.vdot), binary(jnp.kron)


def _int8_accumulator(*xs):
    # int8 products accumulate in int32 (as Keras asks of the hardware), not int8.
    return "int32" if all(x.dtype == jnp.int8 for x in xs) else None


def matmul(x1, x2):
    x1, x2 = tensor(x1), tensor(x2)
    return jnp.matmul(x1, x2, preferred_element_type=_int8_accumulator(x1, x2))


def einsum(subscripts, *operands, **kwargs):
    operands = [tensor(x) for x in operands]
    kwargs.setdefault("preferred_element_type", _int8_accumulator(*operands))
    return jnp.einsum(subscripts, *operands, **kwargs)


def tensordot(x1, x2, axes=2):
    return jnp.tensordot(tensor(x1), tensor(x2), axes=axes)


def outer(x1, x2):
    return jnp.outer(tensor(x1), tensor(x2))


def cross(x1, x2, axisa=-1, axisb=-1, axisc=-1, axis=None):
    return jnp.cross(tensor(x1), tensor(x2), axisa=axisa, axisb=axisb, axisc=axisc, axis=axis)


def trace(x, offset=0, axis1=0, axis2=1):
    return jnp.trace(tensor(x), offset=offset, axis1=axis1, axis2=axis2)


def diagonal(x, offset=0, axis1=0, axis2=1):
    return jnp.diagonal(tensor(x), offset=offset, axis1=axis1, axis2=axis2)


def tril(x, k=0):
    return jnp.tril(tensor(x), k=k)


def triu(x, k=0):
    return jnp.triu(tensor(x), k=k)


def diff(a, n=1, axis=-1):
    return jnp.diff(tensor(a), n=n, axis=axis)


@compiled("axis")
def trapezoid(y, x=None, dx=1.0, axis=-1):
    y = as_float(y)
    return jnp.trapezoid(y, None if x is None else tensor(x), dx=dx, axis=axis)


@compiled("mode")
def correlate(x1, x2, mode="valid"):
    x1, x2 = as_float(x1), as_float(x2)
    return jnp.correlate(x1, x2, mode=mode)


@compiled()
def corrcoef(x):
    return jnp.corrcoef(as_float(x))


@compiled("bins", "range")
def histogram(x, bins=10, range=None):
    """Counts (int32) of `x` in `bins` equal bins over `range` (default: x's min to max), and the bin edges."""
    if not isinstance(bins, int) or bins < 0:
        raise ValueError(f"histogram: `bins` must be a non-negative int, received bins={bins!r}.")
    if range is not None and (len(range) != 2 or range[1] < range[0]):
        raise ValueError(f"histogram: `range` must be a (low, high) pair with low <= high, received {range!r}.")
    x = as_float(x)
    if x.ndim != 1:
        raise ValueError(f"histogram: the input must be 1-D, received shape {x.shape}.")
    counts, edges = jnp.histogram(x, bins=bins, range=range)
    return counts.astype("int32"), edges


def bincount(x, weights=None, minlength=0, sparse=False):
    """Counts of each non-negative int in `x` (per row for 2-D `x`). The length depends on the values, so this
    runs eagerly only (as in Keras's JAX backend)."""
    if sparse:
        raise NotImplementedError("bincount(sparse=True): kerax has no sparse tensors; use sparse=False.")
    x = tensor(x)
    weights = None if weights is None else tensor(weights)
    length = max(int(jnp.max(x)) + 1 if x.size else 0, minlength)
    if x.ndim == 2:
        rows = [jnp.bincount(x[i], None if weights is None else weights[i], length=length) for i in range(len(x))]
        return jnp.stack(rows) if rows else jnp.zeros((0, length), "int32" if weights is None else weights.dtype)
    return jnp.bincount(x, weights, length=length)


@compiled()
def slogdet(x):
    return tuple(jnp.linalg.slogdet(as_float(x)))
