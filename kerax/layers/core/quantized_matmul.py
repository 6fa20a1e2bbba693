"""The contractions of quantized kernels, shared by Dense and EinsumDense.

int8 / int4: `contract(quantize(inputs), q_kernel) / (inputs_scale * kernel_scale)`; the gradient reaching
the inputs is the one of the dequantized kernel (the integer kernel itself is frozen). float8: inputs and
kernel are quantized to float8_e4m3fn and back with delayed scales that training updates from their
abs-max histories."""
from kerax import ops, quantizers

_E4M3_MAX = quantizers.float8.FLOAT8_MAX["float8_e4m3fn"]


def integer_contract(contract, inputs, kernel, layout, kernel_scale, inputs_quantizer, compute_dtype,
                     training):
    """`contract(inputs, kernel)` for an integer `kernel` with the stored `kernel_scale` of `layout`
    (scale_layouts.py): `inputs_quantizer` (e.g. AbsMaxQuantizer) quantizes the inputs over their contracted
    axes, or None keeps them float. In training, the inputs' gradient is that of the dequantized kernel
    (straight through); the integer kernel itself gets none."""
    scale = ops.cast(layout.for_output(kernel_scale), compute_dtype)
    if inputs_quantizer is not None:
        x, inputs_scale = inputs_quantizer(ops.stop_gradient(inputs), axis=layout.input_axes)
        scale = ops.multiply(scale, ops.cast(layout.inputs_for_output(inputs_scale), compute_dtype))
        outputs = ops.cast(contract(x, kernel), compute_dtype)
    else:
        float_inputs = ops.cast(ops.stop_gradient(inputs), compute_dtype)
        outputs = contract(float_inputs, ops.cast(kernel, compute_dtype))
    outputs = ops.divide(outputs, scale)
    if not training:
        return outputs
    # A term worth zero whose gradient is that of `inputs` through the dequantized kernel.
    float_kernel = ops.divide(ops.cast(kernel, compute_dtype),
                              ops.cast(layout.for_kernel(kernel_scale), compute_dtype))
    through = contract(inputs, float_kernel)
    return ops.add(outputs, ops.subtract(through, ops.stop_gradient(through)))


def float8_qdq(x, scale, amax_history, training, compute_dtype):
    """`x` quantized to float8_e4m3fn with `scale` and back. In training the scale is renewed from the
    history's maximum and `max|x|` pushed into the history (the delayed scaling of Transformer Engine); the
    straight-through gradient passes the quantization."""
    value = ops.convert_to_tensor(x)
    if training:
        history = amax_history.value
        scale.assign(quantizers.compute_float8_scale(ops.max(history, axis=0), scale.value, _E4M3_MAX))
        amax_history.assign(quantizers.compute_float8_amax_history(ops.stop_gradient(value), history))
    qdq = quantizers.quantize_and_dequantize(ops.stop_gradient(value), scale.value, "float8_e4m3fn",
                                             compute_dtype)
    return ops.add(value, ops.stop_gradient(ops.subtract(qdq, value)))
