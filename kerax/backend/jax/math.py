"""Fourier transforms in Keras's convention: a complex tensor travels as a `(real, imag)` pair of float
tensors of one shape. (JAX)"""
import jax.numpy as jnp

from kerax.backend.common import dtypes
from kerax.backend.jax.core import convert_to_tensor


def _complex(x, op):
    """The complex tensor of the pair `x = (real, imag)`, checked."""
    if not isinstance(x, (tuple, list)) or len(x) != 2:
        raise ValueError(f"{op}: `x` must be a tuple (real, imag) of two tensors. Received: x={x!r}")
    real, imag = convert_to_tensor(x[0]), convert_to_tensor(x[1])
    if real.shape != imag.shape:
        raise ValueError(f"{op}: the real and imaginary parts must have the same shape. Received: "
                         f"real.shape={real.shape}, imag.shape={imag.shape}")
    for part, name in ((real, "real"), (imag, "imag")):
        if not dtypes.standardize_dtype(part.dtype).startswith(("float", "bfloat")):
            raise ValueError(f"{op}: the {name} part must be a float tensor. Received dtype {part.dtype}.")
    return real + 1j * imag.astype(real.dtype)


def _pair(z):
    return jnp.real(z), jnp.imag(z)


def fft(x):
    """Discrete Fourier transform over the last axis."""
    return _pair(jnp.fft.fft(_complex(x, "fft"), axis=-1))


def ifft(x):
    """Inverse discrete Fourier transform over the last axis."""
    return _pair(jnp.fft.ifft(_complex(x, "ifft"), axis=-1))


def fft2(x):
    """Two-dimensional discrete Fourier transform over the last two axes."""
    return _pair(jnp.fft.fft2(_complex(x, "fft2"), axes=(-2, -1)))


def ifft2(x):
    """Inverse two-dimensional discrete Fourier transform over the last two axes."""
    return _pair(jnp.fft.ifft2(_complex(x, "ifft2"), axes=(-2, -1)))


def rfft(x, fft_length=None):
    """Fourier transform of a real signal over its last axis: the `fft_length // 2 + 1` non-negative
    frequencies (the signal is cropped or zero-padded to `fft_length`, default its length)."""
    x = convert_to_tensor(x)
    if not dtypes.standardize_dtype(x.dtype).startswith(("float", "bfloat")):
        x = x.astype("float32")
    return _pair(jnp.fft.rfft(x, n=fft_length, axis=-1))


def irfft(x, fft_length=None):
    """The real signal of length `fft_length` (default `2 * (n - 1)`) whose rfft is the pair `x`."""
    return jnp.fft.irfft(_complex(x, "irfft"), n=fft_length, axis=-1)
