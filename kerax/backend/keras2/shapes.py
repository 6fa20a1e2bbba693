"""tf.keras 2's shape functions: reshaping, joining, repeating, padding and resizing."""
from kerax.backend import config, engine
from kerax.backend.common import standardize_dtype
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor

np_ = engine.numpy


def int_shape(x):
    """The shape of a tensor or Variable as a tuple of ints (None for an unknown dimension)."""
    shape = getattr(x, "shape", None)
    return None if shape is None else tuple(shape)


def ndim(x):
    """The number of axes of x."""
    return len(int_shape(x))


def dtype(x):
    """The dtype of x as a string ('float32')."""
    return standardize_dtype(x.dtype)


def is_sparse(tensor):
    """False: kerax has no sparse tensors (dense ones stand in for them)."""
    return False


def to_dense(tensor):
    return tensor


@symbolic_aware
def concatenate(tensors, axis=-1):
    return np_.concatenate([tensor(t) for t in tensors], axis=axis)


@symbolic_aware
def stack(x, axis=0):
    return np_.stack([tensor(t) for t in x], axis=axis)


@symbolic_aware
def reshape(x, shape):
    return np_.reshape(tensor(x), tuple(shape))


@symbolic_aware
def permute_dimensions(x, pattern):
    return np_.transpose(tensor(x), tuple(pattern))


@symbolic_aware
def transpose(x):
    return np_.transpose(tensor(x))


@symbolic_aware
def expand_dims(x, axis=-1):
    return np_.expand_dims(tensor(x), axis)


@symbolic_aware
def squeeze(x, axis):
    return np_.squeeze(tensor(x), axis)


@symbolic_aware
def flatten(x):
    return np_.reshape(tensor(x), (-1,))


@symbolic_aware
def batch_flatten(x):
    """(batch, ...) -> (batch, product of the other dimensions)."""
    x = tensor(x)
    return np_.reshape(x, (x.shape[0], -1))


@symbolic_aware
def tile(x, n):
    return np_.tile(tensor(x), [n] if isinstance(n, int) else n)


@symbolic_aware
def repeat(x, n):
    """(samples, dim) -> (samples, n, dim)."""
    x = tensor(x)
    if x.ndim != 2:
        raise ValueError(f"K.repeat expects a 2-d tensor (samples, dim), received shape {tuple(x.shape)}.")
    return np_.tile(np_.expand_dims(x, 1), (1, n, 1))


@symbolic_aware
def repeat_elements(x, rep, axis):
    """Each slice along `axis` repeated `rep` times, like np.repeat."""
    return np_.repeat(tensor(x), rep, axis=axis)


@symbolic_aware
def reverse(x, axes):
    return np_.flip(tensor(x), axis=(axes,) if isinstance(axes, int) else tuple(axes))


@symbolic_aware
def gather(reference, indices):
    """reference[indices] along the first axis."""
    return np_.take(tensor(reference), engine.cast(tensor(indices), "int32"), axis=0)


@symbolic_aware
def one_hot(indices, num_classes):
    """(..., ) integer indices -> (..., num_classes) one-hot floats."""
    return engine.nn.one_hot(engine.cast(tensor(indices), "int32"), num_classes, dtype=config.floatx())


def arange(start, stop=None, step=1, dtype="int32"):
    """tf.range: with one negative argument, an empty range."""
    if stop is None and start < 0:
        start = 0
    if stop is None:
        start, stop = 0, start
    return engine.cast(np_.arange(start, stop, step), dtype)
