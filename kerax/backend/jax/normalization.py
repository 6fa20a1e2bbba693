"""Normalization ops (JAX): moments, batch / layer / RMS normalization and p-norm normalization. Statistics of
half-precision inputs are computed in float32 and returned in the input's dtype."""
import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.tensors import as_float, compiled, tensor

__all__ = ["moments", "batch_normalization", "layer_normalization", "rms_normalization", "normalize"]


def _compute_dtype(x):
    return jnp.promote_types(x.dtype, jnp.float32)


def _axes(axis):
    return tuple(axis) if isinstance(axis, (list, tuple)) else axis


@compiled("axes", "keepdims", "synchronized")
def moments(x, axes, keepdims=False, synchronized=False):
    if synchronized:
        raise NotImplementedError("moments(synchronized=True) (statistics across devices) is not implemented in "
                                  "kerax; pass synchronized=False.")
    x = as_float(x)
    axes = _axes(axes)
    computed = x.astype(_compute_dtype(x))
    mean = jnp.mean(computed, axis=axes, keepdims=True)
    # The gradient of the mean through the centred values is zero (they sum to zero), so it is not traced.
    variance = jnp.mean(jnp.square(computed - jax.lax.stop_gradient(mean)), axis=axes, keepdims=True)
    if not keepdims:
        mean, variance = jnp.squeeze(mean, axes), jnp.squeeze(variance, axes)
    if computed.dtype != x.dtype:
        limit = jnp.finfo(x.dtype).max
        mean, variance = jnp.clip(mean, -limit, limit), jnp.clip(variance, -limit, limit)
    return mean.astype(x.dtype), variance.astype(x.dtype)


@compiled("axis")
def batch_normalization(x, mean, variance, axis, offset=None, scale=None, epsilon=1e-3):
    """(x - mean) / sqrt(variance + epsilon) * scale + offset, with the 1-D statistics laid along `axis`."""
    x = tensor(x)
    shape = [1] * x.ndim
    shape[axis] = x.shape[axis]
    inverse = jax.lax.rsqrt(jnp.reshape(tensor(variance), shape) + epsilon)
    if scale is not None:
        inverse = inverse * jnp.reshape(tensor(scale), shape)
    shift = -jnp.reshape(tensor(mean), shape) * inverse
    if offset is not None:
        shift = shift + jnp.reshape(tensor(offset), shape)
    return x * inverse + shift


def _statistics_shape(x, axes):
    """Shape that lays a parameter of shape x.shape[axes] along `axes` of x."""
    axes = sorted(a % x.ndim for a in (axes if isinstance(axes, (list, tuple)) else [axes]))
    return [x.shape[a] if a in axes else 1 for a in range(x.ndim)], tuple(axes)


def layer_normalization(x, gamma=None, beta=None, axis=-1, epsilon=None, **kwargs):
    """(x - mean) / sqrt(var + epsilon) * gamma + beta, statistics over `axis`. `rms_scaling=True` (deprecated in
    Keras) divides by sqrt(var + epsilon) only."""
    rms_scaling = kwargs.pop("rms_scaling", False)
    if kwargs:
        raise TypeError(f"layer_normalization: unexpected arguments {sorted(kwargs)}.")
    return _layer_normalization(x, gamma, beta, axis, epsilon, rms_scaling)


@compiled("axis", "rms_scaling")
def _layer_normalization(x, gamma, beta, axis, epsilon, rms_scaling):
    epsilon = config.epsilon() if epsilon is None else epsilon
    x = tensor(x)
    computed = x.astype(_compute_dtype(x))
    shape, axes = _statistics_shape(computed, axis)

    def laid_out(parameter):
        parameter = tensor(parameter).astype(computed.dtype)
        return parameter if parameter.ndim == computed.ndim else jnp.reshape(parameter, shape)

    mean, variance = moments(computed, axes, keepdims=True)
    inverse = jax.lax.rsqrt(variance + epsilon)
    if rms_scaling:
        outputs = computed * inverse
        return (outputs if gamma is None else outputs * laid_out(gamma)).astype(x.dtype)
    if gamma is not None:
        inverse = inverse * laid_out(gamma)
    outputs = (computed - mean) * inverse
    return (outputs if beta is None else outputs + laid_out(beta)).astype(x.dtype)


@compiled("axis")
def rms_normalization(x, scale=None, axis=-1, epsilon=None):
    """x / sqrt(mean(x**2) + epsilon) * scale, over `axis`."""
    epsilon = config.epsilon() if epsilon is None else epsilon
    x = tensor(x)
    computed = x.astype(_compute_dtype(x))
    if computed.ndim == 0:
        computed = computed[None]
    outputs = computed * jax.lax.rsqrt(jnp.mean(jnp.square(computed), axis=_axes(axis), keepdims=True) + epsilon)
    if scale is not None:
        outputs = outputs * tensor(scale).astype(computed.dtype)
    return outputs.astype(x.dtype)


@compiled("axis", "order")
def normalize(x, axis=-1, order=2, epsilon=None):
    """x / max(norm(x, order), epsilon) over `axis`."""
    if not isinstance(order, int) or order < 1:
        raise ValueError(f"normalize: `order` must be an int >= 1, received order={order!r}.")
    epsilon = config.epsilon() if epsilon is None else epsilon
    x = as_float(x)
    if x.ndim == 0:
        x = x[None]
    axis = _axes(axis)
    if order == 2:
        # x * rsqrt(max(sum(x**2), eps**2)): a zero vector keeps a finite gradient.
        squares = jnp.sum(jnp.square(x), axis=axis, keepdims=True)
        return x * jax.lax.rsqrt(jnp.maximum(squares, epsilon * epsilon))
    norm = jnp.linalg.norm(x, ord=order, axis=axis, keepdims=True)
    return x / jnp.maximum(norm, epsilon)
