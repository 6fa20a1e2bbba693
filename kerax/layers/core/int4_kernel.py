"""int4 kernels as Keras 3 stores them: the kernel read as a (rows, columns) matrix (rows: the product of its
contracted axes, columns: the rest, by a plain reshape of the kernel), one abs-max scale per column with
values in [-8, 7], packed two per byte along the columns: `kernel` (rows, ceil(columns / 2)) and
`kernel_scale` (columns,). For Dense this is (input_dim, ceil(units / 2)) and (units,)."""
import math

from kerax import ops, quantizers


def flat_shape(kernel_shape, contracted_axes):
    rows = math.prod(d for i, d in enumerate(kernel_shape) if i in contracted_axes)
    return rows, math.prod(kernel_shape) // rows


def stored_shapes(kernel_shape, contracted_axes):
    """(packed kernel shape, kernel_scale shape)."""
    rows, columns = flat_shape(kernel_shape, contracted_axes)
    return (rows, (columns + 1) // 2), (columns,)


def quantize(kernel, contracted_axes, quantizer):
    """(packed int8 kernel, kernel_scale) of a float kernel (a NumPy array)."""
    flat = kernel.reshape(flat_shape(kernel.shape, contracted_axes))
    values, scale = quantizer(flat, axis=0, to_numpy=True)
    return quantizers.pack_int4(values, axis=-1)[0], ops.squeeze(scale, axis=0)


def unpack(packed, kernel_scale, kernel_shape):
    """The int8 values in [-8, 7], shaped as the kernel."""
    return ops.reshape(quantizers.unpack_int4(packed, kernel_scale.shape[-1], axis=-1), kernel_shape)


def dequantize(packed, kernel_scale, kernel_shape, dtype):
    """The float kernel the stored values stand for."""
    flat = quantizers.unpack_int4(packed, kernel_scale.shape[-1], axis=-1)
    return ops.reshape(ops.divide(ops.cast(flat, dtype), ops.cast(kernel_scale, dtype)), kernel_shape)
