"""Delayed-scaling float8 (as NVIDIA Transformer Engine): each tensor keeps a history of its recent abs-max;
its scale for the next step is `amax / dtype_max * 2**margin` (kept when amax is 0 or not finite)."""
from kerax import ops

# The largest finite values of the float8 formats (IEEE-like e5m2; e4m3fn has no infinities).
FLOAT8_MAX = {"float8_e4m3fn": 448.0, "float8_e5m2": 57344.0}


def compute_float8_scale(amax, scale, dtype_max, margin=0):
    """The new scale from the history's maximum `amax` and the current `scale`."""
    factor = ops.divide(ops.divide(dtype_max, amax), 2**margin)
    inverse = ops.reciprocal(scale)
    factor = ops.where(ops.logical_and(ops.greater(amax, 0.0), ops.isfinite(amax)), factor, inverse)
    return ops.reciprocal(factor)


def compute_float8_amax_history(x, amax_history):
    """The history rolled by one with `max|x|` written in front."""
    amax = ops.cast(ops.max(ops.abs(x)), amax_history.dtype)
    return ops.scatter_update(ops.roll(amax_history, shift=-1), [[0]], ops.reshape(amax, [1]))


def quantize_and_dequantize(inputs, scale, quantized_dtype, compute_dtype):
    """`inputs / scale` clipped to the float8 range, rounded to `quantized_dtype`, times `scale`."""
    if quantized_dtype not in FLOAT8_MAX:
        raise ValueError(f"quantize_and_dequantize: quantized_dtype must be one of {sorted(FLOAT8_MAX)}, "
                         f"received {quantized_dtype!r}.")
    limit = FLOAT8_MAX[quantized_dtype]
    scale = ops.cast(scale, compute_dtype)
    x = ops.clip(ops.divide(inputs, scale), -limit, limit)
    return ops.multiply(ops.cast(ops.cast(x, quantized_dtype), compute_dtype), scale)
