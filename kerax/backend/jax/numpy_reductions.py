"""Reductions and statistics (JAX): sums, extrema, moments, order statistics, their NaN-ignoring variants and
cumulative forms. Means and variances of integer or half-precision inputs are computed in float32 at least."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import as_float, compiled, float_dtype, tensor

__all__ = [
    "sum", "prod", "max", "min", "amax", "amin", "argmax", "argmin", "all", "any", "mean", "var", "std",
    "median", "quantile", "percentile", "average", "ptp", "cumsum", "cumprod", "count_nonzero",
    "nansum", "nanprod", "nanmax", "nanmin", "nanargmax", "nanargmin", "nanmean", "nanvar", "nanstd",
    "nanmedian", "nanquantile", "nanpercentile", "nancumsum", "nancumprod",
]


def _axis(axis):
    # jnp needs a hashable axis.
    return tuple(axis) if isinstance(axis, list) else axis


def sum(x, axis=None, keepdims=False):
    return jnp.sum(tensor(x), axis=_axis(axis), keepdims=keepdims)


def prod(x, axis=None, keepdims=False, dtype=None):
    return jnp.prod(tensor(x), axis=_axis(axis), keepdims=keepdims, dtype=dtype)


def max(x, axis=None, keepdims=False, initial=None):
    return jnp.max(tensor(x), axis=_axis(axis), keepdims=keepdims, initial=initial)


def min(x, axis=None, keepdims=False, initial=None):
    return jnp.min(tensor(x), axis=_axis(axis), keepdims=keepdims, initial=initial)


def amax(x, axis=None, keepdims=False):
    return max(x, axis, keepdims)


def amin(x, axis=None, keepdims=False):
    return min(x, axis, keepdims)


def argmax(x, axis=None, keepdims=False):
    return jnp.argmax(tensor(x), axis=axis, keepdims=keepdims)


def argmin(x, axis=None, keepdims=False):
    return jnp.argmin(tensor(x), axis=axis, keepdims=keepdims)


def all(x, axis=None, keepdims=False):
    return jnp.all(tensor(x), axis=_axis(axis), keepdims=keepdims)


def any(x, axis=None, keepdims=False):
    return jnp.any(tensor(x), axis=_axis(axis), keepdims=keepdims)


@compiled("fn", "axis", "keepdims")
def _moment(fn, x, axis, keepdims):
    """`fn` computed in float32 at least (float16 sums overflow), returned in Keras's result dtype."""
    x = tensor(x)
    result_dtype = float_dtype(x.dtype)
    compute_dtype = jnp.promote_types(result_dtype, jnp.float32)
    return fn(x.astype(compute_dtype), axis=_axis(axis), keepdims=keepdims).astype(result_dtype)


@compiled("fn", "axis", "method", "keepdims")
def _ranked(fn, x, q, axis, method, keepdims):
    """A median, quantile or percentile (`q` and `method` None for the medians) of x as floats."""
    ranked = {} if q is None else {"q": tensor(q), "method": method}
    return fn(as_float(x), axis=_axis(axis), keepdims=keepdims, **ranked)


def mean(x, axis=None, keepdims=False):
    return _moment(jnp.mean, x, axis, keepdims)


def var(x, axis=None, keepdims=False):
    return _moment(jnp.var, x, axis, keepdims)


def std(x, axis=None, keepdims=False):
    return _moment(jnp.std, x, axis, keepdims)


def median(x, axis=None, keepdims=False):
    return _ranked(jnp.median, x, None, axis, None, keepdims)


def quantile(x, q, axis=None, method="linear", keepdims=False):
    return _ranked(jnp.quantile, x, q, axis, method, keepdims)


def percentile(x, q, axis=None, method="linear", keepdims=False):
    return _ranked(jnp.percentile, x, q, axis, method, keepdims)


@compiled("axis")
def average(x, axis=None, weights=None):
    x = tensor(x)
    if weights is None:
        return jnp.average(as_float(x), axis=axis)
    weights = tensor(weights)
    dtype = float_dtype(jnp.result_type(x, weights))
    return jnp.average(x.astype(dtype), axis=axis, weights=weights.astype(dtype))


def ptp(x, axis=None, keepdims=False):
    return jnp.ptp(tensor(x), axis=_axis(axis), keepdims=keepdims)


def cumsum(x, axis=None, dtype=None):
    return jnp.cumsum(tensor(x), axis=axis, dtype=dtype)


def cumprod(x, axis=None, dtype=None):
    return jnp.cumprod(tensor(x), axis=axis, dtype=dtype)


@compiled("axis")
def count_nonzero(x, axis=None):
    return jnp.count_nonzero(tensor(x), axis=_axis(axis)).astype("int32")


def nansum(x, axis=None, keepdims=False):
    return jnp.nansum(tensor(x), axis=_axis(axis), keepdims=keepdims)


def nanprod(x, axis=None, keepdims=False):
    return jnp.nanprod(tensor(x), axis=_axis(axis), keepdims=keepdims)


def nanmax(x, axis=None, keepdims=False):
    return jnp.nanmax(tensor(x), axis=_axis(axis), keepdims=keepdims)


def nanmin(x, axis=None, keepdims=False):
    return jnp.nanmin(tensor(x), axis=_axis(axis), keepdims=keepdims)


def nanargmax(x, axis=None, keepdims=False):
    return jnp.nanargmax(tensor(x), axis=axis, keepdims=keepdims)


def nanargmin(x, axis=None, keepdims=False):
    return jnp.nanargmin(tensor(x), axis=axis, keepdims=keepdims)


def nanmean(x, axis=None, keepdims=False):
    return _moment(jnp.nanmean, x, axis, keepdims)


def nanvar(x, axis=None, keepdims=False):
    return _moment(jnp.nanvar, x, axis, keepdims)


def nanstd(x, axis=None, keepdims=False):
    return _moment(jnp.nanstd, x, axis, keepdims)


def nanmedian(x, axis=None, keepdims=False):
    return _ranked(jnp.nanmedian, x, None, axis, None, keepdims)


def nanquantile(x, q, axis=None, method="linear", keepdims=False):
    return _ranked(jnp.nanquantile, x, q, axis, method, keepdims)


def nanpercentile(x, q, axis=None, method="linear", keepdims=False):
    return _ranked(jnp.nanpercentile, x, q, axis, method, keepdims)


def nancumsum(x, axis=None, dtype=None):
    return jnp.nancumsum(tensor(x), axis=axis, dtype=dtype)


def nancumprod(x, axis=None, dtype=None):
    return jnp.nancumprod(tensor(x), axis=axis, dtype=dtype)
