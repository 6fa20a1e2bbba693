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
