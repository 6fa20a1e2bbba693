"""tf.keras 2's layer arithmetic: dropout, bias_add, batch normalization, l2_normalize, in_top_k."""
from kerax.backend import engine
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor
from kerax.backend.keras2.random import draw_seed
from kerax.backend.keras2.images import checked_format

np_ = engine.numpy


@symbolic_aware
def dropout(x, level, noise_shape=None, seed=None):
    """Entries of x set to 0 with probability `level`, the others scaled by 1 / (1 - level)."""
    x = tensor(x)
    noise_shape = None if noise_shape is None else tuple(noise_shape)
    return engine.random.dropout(x, level, noise_shape, draw_seed(seed))


@symbolic_aware
def bias_add(x, bias, data_format=None):
    """x + bias along the channels axis (`data_format` defaults to image_data_format()); bias is 1-d or has
    all of x's non-batch axes."""
    data_format = checked_format(data_format)
    x, bias = tensor(x), tensor(bias)
    if bias.ndim not in (1, x.ndim - 1):
        raise ValueError(f"Unexpected bias dimensions {bias.ndim}, expect to be 1 or {x.ndim - 1} dimensions")
    if data_format == "channels_last":
        return x + (bias if bias.ndim == 1 else np_.expand_dims(bias, 0))
    if bias.ndim == 1:
        return x + np_.reshape(bias, (1, -1) + (1,) * (x.ndim - 2))
    # tf.keras reshapes (not transposes) a (..., channels) bias to (1, channels, ...) here.
    return x + np_.reshape(bias, (1, bias.shape[-1]) + tuple(bias.shape[:-1]))


def _normalized(x, mean, var, beta, gamma, epsilon):
    out = (x - mean) / np_.sqrt(var + epsilon)
    out = out if gamma is None else out * gamma
    return out if beta is None else out + beta


@symbolic_aware
def batch_normalization(x, mean, var, beta, gamma, axis=-1, epsilon=1e-3):
    """(x - mean) / sqrt(var + epsilon) * gamma + beta; for 4-d x the statistics lie along `axis` (1 or -1),
    otherwise they broadcast against x."""
    x = tensor(x)
    stats = [None if t is None else tensor(t) for t in (mean, var, beta, gamma)]
    if x.ndim == 4 and axis in (1, -3):
        stats = [None if t is None else np_.reshape(t, (1, -1, 1, 1)) for t in stats]
    return _normalized(x, *stats, epsilon)


@symbolic_aware
def normalize_batch_in_training(x, gamma, beta, reduction_axes, epsilon=1e-3):
    """x normalized by its mean and variance over `reduction_axes`: returns (normalized, mean, variance),
    the statistics without the reduced axes."""
    x = tensor(x)
    reduction_axes = tuple(a % x.ndim for a in reduction_axes)
    mean, var = engine.nn.moments(x, reduction_axes)
    kept = [1 if a in reduction_axes else x.shape[a] for a in range(x.ndim)]
    gamma, beta = [None if t is None else np_.reshape(tensor(t), kept) for t in (gamma, beta)]
    normed = _normalized(x, np_.reshape(mean, kept), np_.reshape(var, kept), beta, gamma, epsilon)
    return normed, mean, var


@symbolic_aware
def l2_normalize(x, axis=None):
    """x / sqrt(max(sum(x ** 2, axis), 1e-12))."""
    x = tensor(x)
    squares = np_.sum(np_.square(x), axis=axis, keepdims=True)
    return x / np_.sqrt(np_.maximum(squares, 1e-12))


@symbolic_aware
def in_top_k(predictions, targets, k):
    """Whether each sample's target class is among the k largest predictions (batch,) booleans."""
    return engine.math.in_top_k(engine.cast(tensor(targets), "int32"), tensor(predictions), k)
