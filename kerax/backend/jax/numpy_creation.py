"""Array creation (JAX): filled arrays, ranges, grids, diagonal and Vandermonde matrices, window functions.
Float results default to `floatx()`, as in Keras."""
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.tensors import tensor

__all__ = [
    "zeros", "ones", "full", "empty", "eye", "identity", "tri", "zeros_like", "ones_like", "full_like",
    "empty_like", "array", "arange", "linspace", "logspace", "geomspace", "meshgrid", "diag", "diagflat",
    "vander", "bartlett", "blackman", "hamming", "hanning", "kaiser",
]


def zeros(shape, dtype=None):
    return jnp.zeros(shape, dtype=dtype or config.floatx())


def ones(shape, dtype=None):
    return jnp.ones(shape, dtype=dtype or config.floatx())


def full(shape, fill_value, dtype=None):
    return jnp.full(shape, tensor(fill_value), dtype=dtype or config.floatx())


def empty(shape, dtype=None):
    return zeros(shape, dtype)


def eye(N, M=None, k=0, dtype=None):
    return jnp.eye(N, M=M, k=k, dtype=dtype or config.floatx())


def identity(n, dtype=None):
    return jnp.identity(n, dtype=dtype or config.floatx())


def tri(N, M=None, k=0, dtype=None):
    return jnp.tri(N, M=M, k=k, dtype=dtype or config.floatx())


def zeros_like(x, dtype=None):
    return jnp.zeros_like(tensor(x), dtype=dtype)


def ones_like(x, dtype=None):
    return jnp.ones_like(tensor(x), dtype=dtype)


def full_like(x, fill_value, dtype=None):
    return jnp.full_like(tensor(x), tensor(fill_value), dtype=dtype)


def empty_like(x, dtype=None):
    return zeros_like(x, dtype)


def array(x, dtype=None):
    return convert_to_tensor(x, dtype=dtype)


def _float_default(dtype, *values):
    # Python floats among the bounds give floatx (Keras's weak-type rule); arrays keep their own dtype.
    if dtype is None and any(isinstance(v, float) for v in values):
        return config.floatx()
    return dtype


def arange(start, stop=None, step=None, dtype=None):
    return jnp.arange(start, stop, step, dtype=_float_default(dtype, start, stop, step))


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    return jnp.linspace(tensor(start), tensor(stop), num=num, endpoint=endpoint, retstep=retstep,
                        dtype=_float_default(dtype, start, stop) or config.floatx(), axis=axis)


def logspace(start, stop, num=50, endpoint=True, base=10, dtype=None, axis=0):
    return jnp.logspace(tensor(start), tensor(stop), num=num, endpoint=endpoint, base=base,
                        dtype=dtype or config.floatx(), axis=axis)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    return jnp.geomspace(tensor(start), tensor(stop), num=num, endpoint=endpoint,
                         dtype=dtype or config.floatx(), axis=axis)


def meshgrid(*x, indexing="xy"):
    return jnp.meshgrid(*(tensor(v) for v in x), indexing=indexing)


def diag(x, k=0):
    return jnp.diag(tensor(x), k=k)


def diagflat(x, k=0):
    return jnp.diagflat(tensor(x), k=k)


def vander(x, N=None, increasing=False):
    return jnp.vander(tensor(x), N=N, increasing=increasing)


def _window(jnp_window):
    def window(x):
        return jnp_window(int(x)).astype(config.floatx())

    window.__name__ = window.__qualname__ = jnp_window.__name__
    return window


bartlett, blackman = _window(jnp.bartlett), _window(jnp.blackman)
hamming, hanning = _window(jnp.hamming), _window(jnp.hanning)


def kaiser(x, beta):
    return jnp.kaiser(int(x), beta).astype(config.floatx())
