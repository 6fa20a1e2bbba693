"""tf.keras 2's convolutions and pooling (`K.conv2d`, `K.pool2d`, ...); `data_format` defaults to
image_data_format(); padding is 'valid' or 'same' (and 'causal' for conv1d)."""
import itertools

from kerax.backend import engine
from kerax.backend.common.conv_shapes import transpose_output_length
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor
from kerax.backend.keras2.images import checked_format, temporal_padding

np_ = engine.numpy


def _padding(padding, allowed=("valid", "same")):
    if padding not in allowed:
        raise ValueError(f"Invalid padding: {padding!r} (expected one of {', '.join(allowed)}).")
    return padding


def _tuple(value, rank, name):
    value = (value,) * rank if isinstance(value, int) else tuple(value)
    if len(value) != rank:
        raise ValueError(f"`{name}` must be a tuple of {rank} integers, received {value}.")
    return value


def _convolution(rank):
    ones = (1,) * rank

    def convolution(x, kernel, strides=ones, padding="valid", data_format=None, dilation_rate=ones):
        return engine.nn.conv(tensor(x), tensor(kernel), _tuple(strides, rank, "strides"), _padding(padding),
                              checked_format(data_format), _tuple(dilation_rate, rank, "dilation_rate"))

    convolution.__name__ = convolution.__qualname__ = f"conv{rank}d"
    convolution.__doc__ = f"{rank}-d convolution; kernel (spatial..., input channels, filters)."
    return symbolic_aware(convolution)


conv2d = _convolution(2)
conv3d = _convolution(3)


@symbolic_aware
def conv1d(x, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """1-d convolution; 'causal' padding pads only the start of the sequence."""
    if _padding(padding, ("valid", "same", "causal")) == "causal":
        x = temporal_padding(x, (dilation_rate * (tensor(kernel).shape[0] - 1), 0))
        padding = "valid"
    data_format = checked_format(data_format)
    return engine.nn.conv(tensor(x), tensor(kernel), strides, padding, data_format, dilation_rate)


@symbolic_aware
def conv2d_transpose(x, kernel, output_shape, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    """Transposed 2-d convolution to `output_shape` (batch, rows, cols, filters) in x's data format;
    kernel (rows, cols, filters, input channels)."""
    data_format = checked_format(data_format)
    x, kernel = tensor(x), tensor(kernel)
    strides, dilation_rate = _tuple(strides, 2, "strides"), _tuple(dilation_rate, 2, "dilation_rate")
    first = 1 if data_format == "channels_last" else 2
    output_padding = []
    for i in range(2):
        base = transpose_output_length(x.shape[first + i], kernel.shape[i], _padding(padding), strides[i],
                                       dilation_rate[i], output_padding=0)
        output_padding.append(int(output_shape[first + i]) - base)
    return engine.nn.conv_transpose(x, kernel, strides, padding, tuple(output_padding), data_format,
                                    dilation_rate)


@symbolic_aware
def depthwise_conv2d(x, depthwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    return engine.nn.depthwise_conv(tensor(x), tensor(depthwise_kernel), _tuple(strides, 2, "strides"),
                                    _padding(padding), checked_format(data_format), dilation_rate)


@symbolic_aware
def separable_conv2d(x, depthwise_kernel, pointwise_kernel, strides=(1, 1), padding="valid", data_format=None,
                     dilation_rate=(1, 1)):
    return engine.nn.separable_conv(tensor(x), tensor(depthwise_kernel), tensor(pointwise_kernel),
                                    _tuple(strides, 2, "strides"), _padding(padding),
                                    checked_format(data_format), dilation_rate)


def _pooling(rank):
    def pooling(x, pool_size, strides=(1,) * rank, padding="valid", data_format=None, pool_mode="max"):
        if pool_mode not in ("max", "avg"):
            raise ValueError(f"Invalid pooling mode: {pool_mode!r} (expected 'max' or 'avg').")
        pool = engine.nn.max_pool if pool_mode == "max" else engine.nn.average_pool
        return pool(tensor(x), _tuple(pool_size, rank, "pool_size"), _tuple(strides, rank, "strides"),
                    _padding(padding), checked_format(data_format))

    pooling.__name__ = pooling.__qualname__ = f"pool{rank}d"
    pooling.__doc__ = f"{rank}-d max ('max') or average ('avg') pooling."
    return symbolic_aware(pooling)


pool2d = _pooling(2)
pool3d = _pooling(3)


def _local_conv(inputs, kernel, kernel_size, strides, output_shape, data_format):
    """Unshared-weight convolution: kernel (output positions, window size * channels, filters)."""
    data_format = checked_format(data_format)
    inputs, kernel = tensor(inputs), tensor(kernel)
    rank = len(output_shape)
    windows = []
    for position in itertools.product(*(range(n) for n in output_shape)):
        window = tuple(slice(p * s, p * s + k) for p, s, k in zip(position, strides, kernel_size))
        index = (slice(None),) + (window + (slice(None),) if data_format == "channels_last" else
                                  (slice(None),) + window)
        windows.append(np_.reshape(inputs[index], (1, -1, kernel.shape[1])))
    # (positions, batch, features) x (positions, features, filters) -> (positions, batch, filters)
    output = np_.matmul(np_.concatenate(windows, axis=0), kernel)
    output = np_.reshape(output, tuple(output_shape) + (-1, kernel.shape[-1]))
    order = [rank, rank + 1] + list(range(rank)) if data_format == "channels_first" else \
        [rank] + list(range(rank)) + [rank + 1]
    return np_.transpose(output, order)


@symbolic_aware
def local_conv1d(inputs, kernel, kernel_size, strides, data_format=None):
    """LocallyConnected1D's computation: kernel (output_length, kernel_size * channels, filters)."""
    output_shape = (tensor(kernel).shape[0],)
    return _local_conv(inputs, kernel, tuple(kernel_size), tuple(strides), output_shape, data_format)


@symbolic_aware
def local_conv2d(inputs, kernel, kernel_size, strides, output_shape, data_format=None):
    """LocallyConnected2D's computation: kernel (rows * cols of the output, window size * channels,
    filters)."""
    return _local_conv(inputs, kernel, tuple(kernel_size), tuple(strides), tuple(output_shape), data_format)
