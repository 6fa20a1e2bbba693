"""Convolution and pooling ops. (JAX)

Kernels use Keras layouts: conv (*spatial, in // groups, out), depthwise (*spatial, in, multiplier),
transposed conv (*spatial, out, in). `data_format` is "channels_last" (default) or "channels_first".
"""
import functools
import math

import jax
import jax.numpy as jnp
import numpy as np

from kerax.backend import config
from kerax.backend.common.conv_shapes import transpose_output_length
from kerax.backend.jax.conv_cpu import conv_channels_last
from kerax.backend.jax.tensors import _op


def _tuple(value, rank):
    return (value,) * rank if isinstance(value, int) else tuple(value)


def _specs(rank, data_format, kernel_io="IO"):
    spatial = "DHW"[-rank:] if rank <= 3 else None
    if spatial is None:
        raise ValueError(f"Convolutions support 1 to 3 spatial dimensions, received {rank}.")
    data = "NC" + spatial if data_format == "channels_first" else "N" + spatial + "C"
    return data, spatial + kernel_io, data


def _promoted(inputs, kernel):
    """Both cast to their common dtype (uint8 images with a float32 kernel -> float32), as matmul does."""
    dtype = jnp.result_type(inputs, kernel)
    return jnp.asarray(inputs, dtype), jnp.asarray(kernel, dtype)


def _spatial_axes(rank, data_format):
    return tuple(range(2, rank + 2)) if data_format == "channels_first" else tuple(range(1, rank + 1))


@_op
def conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """N-D convolution; the group count is `input channels // kernel.shape[-2]`."""
    data_format = config.standardize_data_format(data_format)
    inputs, kernel = _promoted(inputs, kernel)
    rank = inputs.ndim - 2
    strides, dilation_rate = _tuple(strides, rank), _tuple(dilation_rate, rank)
    channels = inputs.shape[1 if data_format == "channels_first" else -1]
    groups = channels // kernel.shape[-2]
    if jax.default_backend() != "cpu":
        return jax.lax.conv_general_dilated(
            inputs, kernel, strides, padding.upper(), rhs_dilation=dilation_rate,
            dimension_numbers=_specs(rank, data_format), feature_group_count=groups,
        )
    x = jnp.moveaxis(inputs, 1, -1) if data_format == "channels_first" else inputs
    window = [(k - 1) * d + 1 for k, d in zip(kernel.shape[:rank], dilation_rate)]
    pads = tuple(jax.lax.padtype_to_pads(x.shape[1:-1], window, strides, padding.upper()))
    y = conv_channels_last(x, kernel, strides, pads, dilation_rate, groups)
    return jnp.moveaxis(y, -1, 1) if data_format == "channels_first" else y


@_op
def depthwise_conv(inputs, kernel, strides=1, padding="valid", data_format=None, dilation_rate=1):
    """Each input channel convolved with its own `multiplier` filters; output channel c * multiplier + m."""
    *spatial, channels, multiplier = kernel.shape
    kernel = jnp.reshape(kernel, (*spatial, 1, channels * multiplier))
    return conv(inputs, kernel, strides, padding, data_format, dilation_rate)


@_op
def separable_conv(inputs, depthwise_kernel, pointwise_kernel, strides=1, padding="valid", data_format=None,
                   dilation_rate=1):
    x = depthwise_conv(inputs, depthwise_kernel, strides, padding, data_format, dilation_rate)
    return conv(x, pointwise_kernel, 1, "valid", data_format)


def transpose_padding(input_length, output_length, kernel_size, stride, padding, dilation):
    """(before, after) padding of the stride-dilated input so that a stride-1 conv with the flipped kernel gives
    the gradient of a `padding` conv that maps `output_length` to `input_length` (TensorFlow's definition)."""
    effective = (kernel_size - 1) * dilation + 1
    if padding == "same":
        needed = (math.ceil(output_length / stride) - 1) * stride + effective - output_length
        forward_before = max(needed, 0) // 2
    else:
        forward_before = 0
    before = effective - 1 - forward_before
    after = output_length + effective - 1 - (input_length - 1) * stride - 1 - before
    return before, after


@_op
def conv_transpose(inputs, kernel, strides=1, padding="valid", output_padding=None, data_format=None,
                   dilation_rate=1):
    """Transposed convolution; kernel shape (spatial..., output channels, input channels)."""
    data_format = config.standardize_data_format(data_format)
    inputs, kernel = _promoted(inputs, kernel)
    rank = inputs.ndim - 2
    strides, dilation_rate = _tuple(strides, rank), _tuple(dilation_rate, rank)
    output_padding = (None,) * rank if output_padding is None else _tuple(output_padding, rank)
    padding = padding.lower()
    lengths = [inputs.shape[axis] for axis in _spatial_axes(rank, data_format)]
    output_shape = [transpose_output_length(*args) for args in
                    zip(lengths, kernel.shape[:rank], [padding] * rank, strides, dilation_rate, output_padding)]
    pads = [transpose_padding(*args, padding, d) for *args, d in
            zip(lengths, output_shape, kernel.shape[:rank], strides, dilation_rate)]
    return jax.lax.conv_general_dilated(
        inputs, jnp.flip(kernel, axis=tuple(range(rank))), (1,) * rank, pads, lhs_dilation=strides,
        rhs_dilation=dilation_rate, dimension_numbers=_specs(rank, data_format, kernel_io="OI"),
    )


def _window(inputs, pool_size, strides, data_format):
    rank = inputs.ndim - 2
    pool_size = _tuple(pool_size, rank)
    strides = pool_size if strides is None else _tuple(strides, rank)
    window, step = [1] * inputs.ndim, [1] * inputs.ndim
    for axis, p, s in zip(_spatial_axes(rank, config.standardize_data_format(data_format)), pool_size, strides):
        window[axis], step[axis] = p, s
    return tuple(window), tuple(step)


def _tiled(inputs, window):
    """Non-overlapping windows as extra axes (trailing rows that fill no window are dropped): the input
    reshaped to (..., n // p, p, ...) and the axes to reduce."""
    crop = tuple(slice(0, n - n % p) for n, p in zip(inputs.shape, window))
    shape, axes = [], []
    for n, p in zip(inputs.shape, window):
        shape.append(n // p)
        if p > 1:
            shape.append(p)
            axes.append(len(shape) - 1)
    return jnp.reshape(inputs[crop], shape), tuple(axes)


def _reduced_tiles(inputs, window, reduce):
    tiles, axes = _tiled(inputs, window)
    return reduce(tiles, axis=axes)


def _lowest(dtype):
    """The max-pool start value as a concrete NumPy scalar: a jnp constant is staged under jit, and JAX then
    cannot recognise the reduction as a max, so its gradient fails ("Linearization failed")."""
    return np.array(-np.inf if jnp.issubdtype(dtype, jnp.floating) else np.iinfo(dtype).min, dtype)


@_op
def max_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    window, step = _window(inputs, pool_size, strides, data_format)
    if padding.lower() == "valid" and window == step:
        return _tile_max(inputs, window)
    return jax.lax.reduce_window(inputs, _lowest(inputs.dtype), jax.lax.max, window, step, padding.upper())


@functools.partial(jax.custom_vjp, nondiff_argnums=(1,))
def _tile_max(inputs, window):
    """Max over non-overlapping windows. Computed as a max reduce_window: XLA's CPU code then lays out what
    follows well (the cnn workload's next convolution took 4.8 ms after it, 13 ms after a reshape + max).
    Differentiated as a reshape + max, whose CPU gradient is much faster than reduce_window's (on the cnn
    workload the training epoch went from 2.1 s to 1.25 s; benchmarks/conv_ops.py)."""
    return jax.lax.reduce_window(inputs, _lowest(inputs.dtype), jax.lax.max, window, window, "VALID")


def _tile_max_forward(inputs, window):
    return jax.vjp(lambda x: _reduced_tiles(x, window, jnp.max), inputs)


def _tile_max_backward(window, pullback, d_outputs):
    return pullback(d_outputs)


_tile_max.defvjp(_tile_max_forward, _tile_max_backward)


@_op
def average_pool(inputs, pool_size, strides=None, padding="valid", data_format=None):
    """Mean over each window; with "same" padding, the padded positions are left out of the count."""
    window, step = _window(inputs, pool_size, strides, data_format)
    if padding.lower() == "valid" and window == step:
        return _reduced_tiles(inputs, window, jnp.mean)
    zero = np.array(0, inputs.dtype)  # concrete, not staged: see _lowest
    sums = jax.lax.reduce_window(inputs, zero, jax.lax.add, window, step, padding.upper())
    if padding.lower() == "valid":
        return sums / math.prod(window)
    # Window sizes once for one example and channel; broadcast over the batch and channel axes.
    ones = jnp.ones([n if w > 1 or s > 1 else 1 for n, w, s in zip(inputs.shape, window, step)], inputs.dtype)
    counts = jax.lax.reduce_window(ones, zero, jax.lax.add, window, step, "SAME")
    return sums / counts
