"""Activation functions. Each takes a tensor, a Variable or a NumPy array and computes with `kerax.ops`."""
from kerax import ops


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0, *, alpha=None):
    """`max_value` above it, `x` from `threshold` up, `negative_slope * (x - threshold)` below.

    `alpha` is the tf.keras / Keras 2 name of `negative_slope`.
    """
    if alpha is not None:
        negative_slope = alpha
    if threshold != 0:
        y = ops.where(ops.greater(x, threshold), x, ops.zeros_like(x))
    else:
        y = ops.relu(x)
    if max_value is not None:
        y = ops.clip(y, 0, max_value)
    if negative_slope != 0:
        y = ops.subtract(y, ops.multiply(negative_slope, ops.relu(ops.subtract(threshold, x))))
    return y


def leaky_relu(x, negative_slope=0.2, *, alpha=None):
    return ops.leaky_relu(x, negative_slope=negative_slope if alpha is None else alpha)


def relu6(x):
    return ops.relu6(x)


def elu(x, alpha=1.0):
    return ops.elu(x, alpha=alpha)


def selu(x):
    return ops.selu(x)


def softplus(x):
    return ops.softplus(x)


def softsign(x):
    return ops.softsign(x)


def silu(x):
    return ops.silu(x)


def gelu(x, approximate=False):
    return ops.gelu(x, approximate=approximate)


def tanh(x):
    return ops.tanh(x)


def sigmoid(x):
    return ops.sigmoid(x)


def hard_sigmoid(x):
    """Keras 3's definition, `relu6(x + 3) / 6` (Keras 2 used `clip(0.2 x + 0.5, 0, 1)`)."""
    return ops.hard_sigmoid(x)


def hard_silu(x):
    return ops.multiply(x, ops.hard_sigmoid(x))


def exponential(x):
    return ops.exp(x)


def linear(x):
    return x


def mish(x):
    return ops.multiply(x, ops.tanh(ops.softplus(x)))


def log_sigmoid(x):
    return ops.log_sigmoid(x)


def softmax(x, axis=-1):
    return ops.softmax(x, axis=axis)


def log_softmax(x, axis=-1):
    return ops.log_softmax(x, axis=axis)


def celu(x, alpha=1.0):
    """`x` for x >= 0, `alpha * (exp(x / alpha) - 1)` below."""
    return ops.celu(x, alpha=alpha)


def glu(x, axis=-1):
    """`a * sigmoid(b)` where `x` is split into halves `a`, `b` along `axis`."""
    return ops.glu(x, axis=axis)


def hard_tanh(x):
    return ops.hard_tanh(x)


def hard_shrink(x, threshold=0.5):
    """`x` where |x| > threshold, else 0."""
    return ops.hard_shrink(x, threshold=threshold)


def soft_shrink(x, threshold=0.5):
    """`x - threshold` above `threshold`, `x + threshold` below `-threshold`, else 0."""
    return ops.soft_shrink(x, threshold=threshold)


def sparse_plus(x):
    """0 for x <= -1, `(x + 1)**2 / 4` for -1 < x < 1, `x` from 1 up."""
    return ops.sparse_plus(x)


def sparse_sigmoid(x):
    """0 for x <= -1, `(x + 1) / 2` for -1 < x < 1, 1 from 1 up."""
    return ops.sparse_sigmoid(x)


def sparsemax(x, axis=-1):
    return ops.sparsemax(x, axis=axis)


def squareplus(x, b=4):
    """`(x + sqrt(x**2 + b)) / 2`."""
    return ops.squareplus(x, b=b)


def tanh_shrink(x):
    return ops.tanh_shrink(x)


def threshold(x, threshold, default_value):
    """`x` where x > threshold, else `default_value`."""
    return ops.threshold(x, threshold, default_value)
