"""int4 kernels as Keras 3 stores them: the kernel read as a (rows, columns) matrix (rows: the product of its
contracted axes, columns: the rest, by a plain reshape), values in [-8, 7] packed two per byte along the
columns: `kernel` (rows, ceil(columns / 2)). Per channel (block size -1): one abs-max `kernel_scale` per
column, (columns,). Sub-channel (block size b > 0, Keras's default 128): rows in groups of b, each group and
column with an asymmetric scale and zero point, `kernel_scale` / `kernel_zero` (ceil(rows / b), columns),
and `g_idx` (rows,) the group of each row."""
import math

import numpy as np

from kerax import ops, quantizers


def flat_shape(kernel_shape, contracted_axes):
    rows = math.prod(d for i, d in enumerate(kernel_shape) if i in contracted_axes)
    return rows, math.prod(kernel_shape) // rows


def stored_shapes(kernel_shape, contracted_axes, block_size):
    """(packed kernel shape, kernel_scale shape)."""
    rows, columns = flat_shape(kernel_shape, contracted_axes)
    scale = (columns,) if block_size is None else (math.ceil(rows / block_size), columns)
    return (rows, (columns + 1) // 2), scale


def group_index(length, block_size):
    """g_idx: the group of each of `length` positions."""
    return np.floor_divide(np.arange(length, dtype="float32"), block_size)


def quantize_matrix(matrix, quantizer, block_size):
    """(int4 values, scale, zero point or None) of a 2-D NumPy matrix, grouped along its rows."""
    if block_size is None:
        values, scale = quantizer(matrix, axis=0, to_numpy=True)
        return values, ops.squeeze(scale, axis=0), None
    return quantizers.abs_max_quantize_grouped_with_zero_point(matrix, block_size, to_numpy=True)


def quantize(kernel, contracted_axes, quantizer, block_size):
    """(packed int8 kernel, kernel_scale, kernel_zero or None) of a float kernel (a NumPy array)."""
    flat = kernel.reshape(flat_shape(kernel.shape, contracted_axes))
    values, scale, zero = quantize_matrix(flat, quantizer, block_size)
    return quantizers.pack_int4(values, axis=-1)[0], scale, zero


def dequantize_values(values, scale, zero, g_idx, axis, dtype):
    """`values / scale` per channel, or `(values - zero) * scale` with the groups `g_idx` along `axis`."""
    values = ops.cast(values, dtype)
    if zero is None:
        return ops.divide(values, ops.cast(scale, dtype))
    groups = ops.cast(g_idx, "int32")
    zero = ops.cast(ops.take(zero, groups, axis=axis), dtype)
    return ops.multiply(ops.subtract(values, zero), ops.cast(ops.take(scale, groups, axis=axis), dtype))


def unpack(packed, columns, kernel_shape):
    """The int8 values in [-8, 7], shaped as the kernel."""
    return ops.reshape(quantizers.unpack_int4(packed, columns, axis=-1), kernel_shape)


def dequantize(packed, scale, zero, g_idx, kernel_shape, dtype):
    """The float kernel the stored values stand for."""
    columns = scale.shape[-1]
    flat = quantizers.unpack_int4(packed, columns, axis=-1)
    return ops.reshape(dequantize_values(flat, scale, zero, g_idx, 0, dtype), kernel_shape)
