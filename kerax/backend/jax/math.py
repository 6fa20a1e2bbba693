"""Math ops of `keras.ops` (JAX): segment reductions, top-k, special functions, distances, framing and
complex views. The short-time Fourier transforms live in stft.py."""
import math

import jax
import jax.numpy as jnp

from kerax.backend.jax.tensors import as_float, compiled, tensor

__all__ = [
    "segment_sum", "segment_max", "segment_min", "segment_prod", "top_k", "in_top_k", "logsumexp", "cdist",
    "extract_sequences", "rsqrt", "erf", "erfc", "erfinv", "logdet", "view_as_complex", "view_as_real",
]


@compiled("reduce", "num_segments", "sorted")
def _segment_reduce(reduce, data, segment_ids, num_segments, sorted):
    return reduce(data, segment_ids, num_segments, indices_are_sorted=sorted)


def _segment(reduce):
    def op(data, segment_ids, num_segments=None, sorted=False):
        data, segment_ids = tensor(data), tensor(segment_ids)
        if segment_ids.ndim != 1 or segment_ids.shape[0] != data.shape[0]:
            raise ValueError(f"{reduce.__name__}: `segment_ids` must be 1-D with one id per row of `data`, "
                             f"received segment_ids.shape={segment_ids.shape} and data.shape={data.shape}. "
                             "Flatten both (or use `ops.vectorized_map`) first.")
        if num_segments is None:
            if isinstance(segment_ids, jax.core.Tracer):
                raise ValueError(f"{reduce.__name__}: give `num_segments` inside compiled code (the count cannot "
                                 "be read from traced segment ids).")
            num_segments = int(jnp.max(segment_ids)) + 1 if segment_ids.size else 0
        return _segment_reduce(reduce, data, segment_ids, num_segments, sorted)

    op.__name__ = op.__qualname__ = reduce.__name__
    return op


segment_sum, segment_max = _segment(jax.ops.segment_sum), _segment(jax.ops.segment_max)
segment_min, segment_prod = _segment(jax.ops.segment_min), _segment(jax.ops.segment_prod)


def top_k(x, k, sorted=True):
    """(values, indices) of the k largest entries along the last axis, largest first (also when not `sorted`)."""
    return jax.lax.top_k(tensor(x), k)


@compiled("k")
def in_top_k(targets, predictions, k):
    """Whether each target's prediction is among the k largest of its row; ties count as in (as in TensorFlow),
    a NaN prediction never does."""
    targets, predictions = tensor(targets), tensor(predictions)
    at_target = jnp.take_along_axis(predictions, targets[..., None].astype("int32"), axis=-1)
    at_target = jnp.where(jnp.isnan(at_target), -jnp.inf, at_target)
    return jnp.sum(predictions > at_target, axis=-1) < k


@compiled("axis", "keepdims")
def logsumexp(x, axis=None, keepdims=False):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return jax.nn.logsumexp(as_float(x), axis=axis, keepdims=keepdims)


@compiled()
def cdist(x, y):
    """Euclidean distances between the rows of x (..., m, d) and y (..., n, d): shape (..., m, n)."""
    x, y = as_float(x), as_float(y)
    if x.ndim < 2 or y.ndim < 2 or x.shape[-1] != y.shape[-1]:
        raise ValueError("cdist: both inputs must have rank >= 2 and the same last dimension, received shapes "
                         f"{x.shape} and {y.shape}.")
    difference = x[..., :, None, :] - y[..., None, :, :]
    return jnp.sqrt(jnp.sum(difference * difference, axis=-1))


@compiled("sequence_length", "sequence_stride")
def extract_sequences(x, sequence_length, sequence_stride):
    """Frames of the last axis: (..., length) -> (..., num_frames, sequence_length)."""
    x = tensor(x)
    *batch, length = x.shape
    frames = jax.lax.conv_general_dilated_patches(
        jnp.reshape(x, (math.prod(batch), length, 1)), (sequence_length,), (sequence_stride,), "VALID",
        dimension_numbers=("NTC", "OIT", "NTC"),
    )
    return jnp.reshape(frames, (*batch, *frames.shape[-2:]))


def rsqrt(x):
    return jax.lax.rsqrt(as_float(x))


def erf(x):
    return jax.scipy.special.erf(as_float(x))


def erfc(x):
    return jax.scipy.special.erfc(as_float(x))


def erfinv(x):
    return jax.scipy.special.erfinv(as_float(x))


@compiled()
def logdet(x):
    """log(det(x)) of a Hermitian positive-definite x (as Keras: log|det| from slogdet)."""
    return jnp.linalg.slogdet(as_float(x))[1]


@compiled()
def view_as_complex(x):
    """(..., 2) real/imaginary pairs -> complex64 (...)."""
    x = tensor(x)
    if x.ndim < 1 or x.shape[-1] != 2:
        raise ValueError("view_as_complex: the last dimension must be 2 (real, imaginary), received shape "
                         f"{x.shape}.")
    return jax.lax.complex(x[..., 0].astype("float32"), x[..., 1].astype("float32"))


@compiled()
def view_as_real(x):
    """complex (...) -> (..., 2) real/imaginary pairs."""
    x = tensor(x)
    return jnp.stack([jnp.real(x), jnp.imag(x)], axis=-1)
