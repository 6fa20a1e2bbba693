"""Neural-network ops on JAX: activations and their building blocks. Convolution, pooling and CTC are
added beside these by the layer families that use them."""
import jax
import jax.numpy as jnp

from kerax.backend.jax.numpy import _op

relu = _op(jax.nn.relu)
relu6 = _op(jax.nn.relu6)
sigmoid = _op(jax.nn.sigmoid)
softplus = _op(jax.nn.softplus)
softsign = _op(jax.nn.soft_sign)
silu = swish = _op(jax.nn.silu)
elu = _op(lambda x, alpha=1.0: jax.nn.elu(x, alpha))
selu = _op(jax.nn.selu)
leaky_relu = _op(lambda x, negative_slope=0.2: jax.nn.leaky_relu(x, negative_slope))
log_sigmoid = _op(jax.nn.log_sigmoid)


@_op
def gelu(x, approximate=True):
    return jax.nn.gelu(x, approximate=approximate)


@_op
def hard_sigmoid(x):
    # Keras 3 definition: relu6(x + 3) / 6.
    return jax.nn.relu6(x + 3.0) / 6.0


@_op
def softmax(x, axis=-1):
    return jax.nn.softmax(x, axis=axis)


@_op
def log_softmax(x, axis=-1):
    return jax.nn.log_softmax(x, axis=axis)


@_op
def moments(x, axes, keepdims=False):
    mean = jnp.mean(x, axis=axes, keepdims=True)
    variance = jnp.mean(jnp.square(x - jax.lax.stop_gradient(mean)), axis=axes, keepdims=True)
    if not keepdims:
        mean = jnp.squeeze(mean, axes)
        variance = jnp.squeeze(variance, axes)
    return mean, variance


celu = _op(lambda x, alpha=1.0: jax.nn.celu(x, alpha))
glu = _op(lambda x, axis=-1: jax.nn.glu(x, axis=axis))
hard_tanh = _op(jax.nn.hard_tanh)
sparse_plus = _op(jax.nn.sparse_plus)
sparse_sigmoid = _op(jax.nn.sparse_sigmoid)
squareplus = _op(lambda x, b=4: jax.nn.squareplus(x, b))


@_op
def tanh_shrink(x):
    return x - jnp.tanh(x)


@_op
def hard_shrink(x, threshold=0.5):
    return jnp.where(jnp.abs(x) > threshold, x, jnp.zeros_like(x))


@_op
def soft_shrink(x, threshold=0.5):
    inner = jnp.where(x < -threshold, x + threshold, jnp.zeros_like(x))
    return jnp.where(x > threshold, x - threshold, inner)


@_op
def threshold(x, threshold, default_value):
    return jnp.where(x > threshold, x, jnp.asarray(default_value, dtype=jnp.result_type(x)))


@_op
def sparsemax(x, axis=-1):
    """Euclidean projection onto the simplex (Martins & Astudillo 2016): max(x - tau, 0), with tau chosen
    so the result sums to 1 along `axis`."""
    x = jnp.asarray(x)
    moved = jnp.moveaxis(x, axis, -1)
    ordered = -jnp.sort(-moved, axis=-1)
    cumulative = jnp.cumsum(ordered, axis=-1)
    ranks = jnp.arange(1, moved.shape[-1] + 1, dtype=moved.dtype)
    in_support = 1 + ranks * ordered > cumulative
    support_size = jnp.sum(in_support, axis=-1, keepdims=True)
    tau = (jnp.take_along_axis(cumulative, support_size - 1, axis=-1) - 1) / support_size.astype(moved.dtype)
    return jnp.moveaxis(jnp.maximum(moved - tau, 0), -1, axis)
