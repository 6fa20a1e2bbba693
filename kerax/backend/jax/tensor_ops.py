"""Core tensor ops (JAX): dtype name, saturating cast, unstacking."""
import jax
import jax.numpy as jnp
import numpy as np

from kerax.backend.common import dtypes
from kerax.backend.jax.tensors import compiled, tensor

__all__ = ["dtype", "saturate_cast", "unstack"]


def dtype(x):
    return dtypes.standardize_dtype(x.dtype)


@compiled("dtype")
def saturate_cast(x, dtype):
    """Cast that clips to the target dtype's range first (300.0 -> uint8 gives 255; inf -> float16 gives
    float16's max)."""
    x = tensor(x)
    target = jnp.dtype(dtypes.standardize_dtype(dtype))
    if x.dtype == jnp.bool_:
        return x.astype(target)
    (low, high), (x_low, x_high) = _limits(target), _limits(x.dtype)
    low, high = _bound(max(low, x_low), x.dtype, low), _bound(min(high, x_high), x.dtype, high)
    return jnp.clip(x, low, high).astype(target)


def _limits(dtype):
    if dtype == jnp.bool_:
        return 0, 1
    info = jnp.finfo(dtype) if jnp.issubdtype(dtype, jnp.inexact) else jnp.iinfo(dtype)
    return info.min, info.max


def _bound(value, dtype, limit):
    """`value` in `dtype`, stepped towards 0 where rounding to `dtype` carried it past `limit`
    (float32(2**31 - 1) is 2**31, outside int32)."""
    value = np.asarray(value).astype(dtype)
    if abs(float(value)) > abs(float(limit)):
        return np.nextafter(value, np.zeros((), dtype))
    return value


@compiled("num", "axis")
def unstack(x, num=None, axis=0):
    """The slices of x along `axis`, as a list."""
    x = tensor(x)
    return [jax.lax.index_in_dim(x, i, axis, keepdims=False) for i in range(x.shape[axis])]
