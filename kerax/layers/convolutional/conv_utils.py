"""Argument checks and shape arithmetic shared by the convolution, pooling and reshaping layers."""
import math
import numbers

from kerax import backend
from kerax.backend import config
from kerax.layers.legacy_arguments import pop_legacy

_DIM_ORDERING = {"tf": "channels_last", "th": "channels_first", "default": None}


def normalize_tuple(value, n, name, layer, allow_zero=False):
    """An int or an iterable of `n` ints (NumPy ints too) -> a tuple of `n` positive (or non-negative)
    Python ints."""
    values = (value,) * n if is_int(value) else tuple(value) if _iterable(value) else None
    smallest = 0 if allow_zero else 1
    if values is None or len(values) != n or not all(is_int(v) and v >= smallest for v in values):
        kind = "non-negative" if allow_zero else "positive"
        raise ValueError(f"{layer}: `{name}` must be a {kind} integer or a tuple of {n} {kind} integers, "
                         f"received {name}={value!r}.")
    return tuple(int(v) for v in values)


def is_int(value):
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _iterable(value):
    try:
        iter(value)
    except TypeError:
        return False
    return not isinstance(value, str)


def normalize_padding(value, layer, allowed=("valid", "same")):
    padding = str(value).lower()
    if padding not in allowed:
        raise ValueError(f"{layer}: `padding` must be one of {list(allowed)}, received padding={value!r}.")
    return padding


def pop_data_format(kwargs, data_format):
    """`data_format`, or Keras 1's `dim_ordering` ('tf' / 'th'), standardized."""
    ordering = pop_legacy(kwargs, "dim_ordering", None)
    if ordering is not None:
        if ordering not in _DIM_ORDERING:
            raise ValueError(f"`dim_ordering` must be 'tf', 'th' or 'default', received {ordering!r}.")
        data_format = _DIM_ORDERING[ordering] or data_format
    return config.standardize_data_format(data_format)


def spatial_axes(rank, data_format):
    return tuple(range(2, rank + 2)) if data_format == "channels_first" else tuple(range(1, rank + 1))


def channel_axis(data_format):
    return 1 if data_format == "channels_first" else -1


def output_length(length, window, padding, stride, dilation=1):
    """Length after a convolution or pooling window; None stays None."""
    if length is None:
        return None
    effective = (window - 1) * dilation + 1
    if padding == "same":
        return math.ceil(length / stride)
    # "causal" pads effective - 1 on the left, so it keeps the length like "same" at stride 1.
    padded = length + effective - 1 if padding == "causal" else length
    return max((padded - effective) // stride + 1, 0)


transpose_output_length = backend.conv_shapes.transpose_output_length


def replace_spatial(input_shape, data_format, lengths):
    """`input_shape` with its spatial dimensions replaced by `lengths`."""
    shape = list(input_shape)
    for axis, length in zip(spatial_axes(len(shape) - 2, data_format), lengths):
        shape[axis] = length
    return tuple(shape)


def normalize_pairs(value, rank, name, layer):
    """int -> the same (before, after) for every spatial axis; `rank` ints -> symmetric pairs per axis;
    `rank` pairs -> as given. Returns a tuple of `rank` (before, after) tuples of non-negative ints."""
    if is_int(value):
        pairs = ((value, value),) * rank
    elif rank == 1 and _iterable(value) and len(tuple(value)) == 2 and all(is_int(v) for v in value):
        pairs = (tuple(value),)
    elif _iterable(value) and len(tuple(value)) == rank:
        pairs = tuple((v, v) if is_int(v) else tuple(v) if _iterable(v) else None for v in value)
    else:
        pairs = None
    if pairs is None or not all(p is not None and len(p) == 2 and all(is_int(v) and v >= 0 for v in p)
                                for p in pairs):
        raise ValueError(f"{layer}: `{name}` must be a non-negative integer, a tuple of {rank} of them, or a "
                         f"tuple of {rank} (before, after) pairs, received {name}={value!r}.")
    return tuple((int(before), int(after)) for before, after in pairs)
