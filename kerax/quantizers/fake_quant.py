"""fake_quant_with_min_max_vars: quantize to `num_bits` over a nudged [min, max] range and dequantize, as
TensorFlow's op. Gradients are straight-through: `inputs` get the upstream gradient inside the range, `min`
and `max` the sums of it below / above."""
from kerax import ops


def _nudged_range(min_vals, max_vals, num_bits, narrow_range):
    """(nudged min, nudged max, scale): the zero point rounded so that 0.0 is exactly representable."""
    min_vals, max_vals = ops.cast(min_vals, "float32"), ops.cast(max_vals, "float32")
    quant_min, quant_max = (1 if narrow_range else 0), (1 << num_bits) - 1
    scale = ops.divide(ops.subtract(max_vals, min_vals), quant_max - quant_min)
    zero_point = ops.round(ops.clip(quant_min - ops.divide(min_vals, scale), quant_min, quant_max))
    return (ops.multiply(ops.subtract(quant_min, zero_point), scale),
            ops.multiply(ops.subtract(quant_max, zero_point), scale), scale)


def fake_quant_with_min_max_vars(inputs, min_vals, max_vals, num_bits=8, narrow_range=False, axis=None):
    """Per-tensor (scalar min/max) or per-channel (`axis`, one min/max per channel) fake quantization."""
    inputs = ops.convert_to_tensor(inputs)
    min_vals, max_vals = ops.convert_to_tensor(min_vals), ops.convert_to_tensor(max_vals)
    axis = None if axis is None else axis % len(inputs.shape)
    reduce_axes = tuple(i for i in range(len(inputs.shape)) if i != axis)

    @ops.custom_gradient
    def fake_quant(x, low, high):
        nudged_min, nudged_max, scale = _nudged_range(low, high, int(num_bits), narrow_range)
        clamped = ops.clip(ops.cast(x, "float32"), nudged_min, nudged_max)
        steps = ops.floor(ops.add(ops.divide(ops.subtract(clamped, nudged_min), scale), 0.5))
        result = ops.cast(ops.add(ops.multiply(steps, scale), nudged_min), x.dtype)

        def grad(upstream):
            inside = ops.logical_and(ops.greater_equal(x, nudged_min), ops.less_equal(x, nudged_max))
            zero = ops.zeros_like(upstream)
            below = ops.where(ops.less(x, nudged_min), upstream, zero)
            above = ops.where(ops.greater(x, nudged_max), upstream, zero)
            sum_axes = reduce_axes if axis is not None else None
            return (ops.where(inside, upstream, zero),
                    ops.reshape(ops.sum(below, axis=sum_axes), ops.shape(low)),
                    ops.reshape(ops.sum(above, axis=sum_axes), ops.shape(high)))

        return result, grad

    return fake_quant(inputs, min_vals, max_vals)
