"""Neural-network ops on JAX (the `keras.ops.nn` family): activations and small ops here; convolution, pooling,
normalization, attention, cross-entropies, CTC and patch ops in their own modules, re-exported below."""
import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.adaptive_pool import adaptive_average_pool, adaptive_max_pool  # noqa: F401
from kerax.backend.jax.attention import dot_product_attention  # noqa: F401
from kerax.backend.jax.conv import (  # noqa: F401
    average_pool, conv, conv_transpose, depthwise_conv, max_pool, separable_conv,
)
from kerax.backend.jax.crossentropy import (  # noqa: F401
    binary_crossentropy, categorical_crossentropy, sparse_categorical_crossentropy,
)
from kerax.backend.jax.ctc import ctc_decode, ctc_loss  # noqa: F401
from kerax.backend.jax.normalization import (  # noqa: F401
    batch_normalization, layer_normalization, moments, normalize, rms_normalization,
)
from kerax.backend.jax.patches import depth_to_space, fold, space_to_depth, unfold  # noqa: F401
from kerax.backend.jax.tensors import _op, as_float, compiled, tensor

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


def hard_silu(x):
    """x * hard_sigmoid(x)."""
    return jax.nn.hard_silu(tensor(x))


hard_swish = hard_silu


@_op
def softmax(x, axis=-1):
    return jax.nn.softmax(x, axis=axis)


@_op
def log_softmax(x, axis=-1):
    return jax.nn.log_softmax(x, axis=axis)


def one_hot(x, num_classes, axis=-1, dtype=None, sparse=False):
    """Rows of the identity: class c -> 1 at position c of a new `axis`; out-of-range classes give zeros."""
    if sparse:
        raise NotImplementedError("one_hot(sparse=True): kerax has no sparse tensors; use sparse=False.")
    return jax.nn.one_hot(tensor(x), num_classes, axis=axis, dtype=dtype or config.floatx())


def multi_hot(inputs, num_classes=None, axis=-1, dtype=None, sparse=False, **kwargs):
    """1 at every class present in each sample (the last axis of 2-D+ input, the whole of 1-D input)."""
    num_classes = kwargs.pop("num_tokens", None) if num_classes is None else num_classes
    if num_classes is None:
        raise ValueError("multi_hot: `num_classes` must be given.")
    if kwargs:
        raise TypeError(f"multi_hot: unexpected arguments {sorted(kwargs)}.")
    if sparse:
        raise NotImplementedError("multi_hot(sparse=True): kerax has no sparse tensors; use sparse=False.")
    return _multi_hot(inputs, num_classes, axis, dtype or config.floatx())


@compiled("num_classes", "axis", "dtype")
def _multi_hot(inputs, num_classes, axis, dtype):
    inputs = tensor(inputs)
    encoded = jax.nn.one_hot(inputs.astype("int32"), num_classes, axis=axis, dtype=dtype)
    return jnp.max(encoded, axis=1 if inputs.ndim > 1 else 0)


@compiled()
def psnr(x1, x2, max_val):
    """Peak signal-to-noise ratio in dB: 20 log10(max_val) - 10 log10(mean((x1 - x2)**2))."""
    x1, x2 = as_float(x1), as_float(x2)
    if x1.shape != x2.shape:
        raise ValueError(f"psnr: both inputs must have the same shape, received {x1.shape} and {x2.shape}.")
    mse = jnp.mean(jnp.square(x1 - x2))
    return 20 * jnp.log10(jnp.asarray(max_val, x2.dtype)) - 10 * jnp.log10(mse)


@compiled()
def polar(abs_, angle):
    """The complex numbers abs_ * (cos(angle) + i sin(angle))."""
    abs_, angle = as_float(abs_), as_float(angle)
    return jax.lax.complex(abs_ * jnp.cos(angle), abs_ * jnp.sin(angle))


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
