"""tf.keras 2's activation functions (`K.relu(x, alpha, max_value, threshold)`, `K.hard_sigmoid`, ...)."""
from kerax.backend import engine
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor

np_ = engine.numpy


def _relu_part(x):
    return np_.maximum(x, np_.zeros_like(x))


@symbolic_aware
def relu(x, alpha=0.0, max_value=None, threshold=0.0):
    """max(x, 0) by default; below `threshold` (0 by default) the output is `alpha * (x - threshold)`; with
    `max_value` the output is capped there."""
    x = tensor(x)
    negative = _relu_part(threshold - x) if alpha != 0.0 else None
    if threshold != 0:
        x = x * engine.cast(np_.greater(x, threshold), x.dtype)
    else:
        x = _relu_part(x)
    if max_value is not None:
        x = np_.minimum(x, engine.cast(tensor(max_value), x.dtype))
    return x - alpha * negative if negative is not None else x


@symbolic_aware
def elu(x, alpha=1.0):
    x = tensor(x)
    return np_.where(np_.greater(x, 0), x, alpha * np_.expm1(np_.minimum(x, np_.zeros_like(x))))


@symbolic_aware
def hard_sigmoid(x):
    """tf.keras 2's piecewise-linear sigmoid: clip(0.2 * x + 0.5, 0, 1)."""
    x = tensor(x)
    return np_.clip(0.2 * x + 0.5, 0.0, 1.0)


@symbolic_aware
def softmax(x, axis=-1):
    x = tensor(x)
    if x.ndim <= 1:
        raise ValueError("Cannot apply softmax to a tensor that is 1D. Received input of shape "
                         f"{tuple(x.shape)}.")
    if isinstance(axis, int):
        return engine.nn.softmax(x, axis=axis)
    axis = tuple(axis)
    shifted = np_.exp(x - np_.max(x, axis=axis, keepdims=True))
    return shifted / np_.sum(shifted, axis=axis, keepdims=True)


@symbolic_aware
def sigmoid(x):
    return engine.nn.sigmoid(tensor(x))


@symbolic_aware
def tanh(x):
    return np_.tanh(tensor(x))


@symbolic_aware
def softplus(x):
    return engine.nn.softplus(tensor(x))


@symbolic_aware
def softsign(x):
    return engine.nn.softsign(tensor(x))
