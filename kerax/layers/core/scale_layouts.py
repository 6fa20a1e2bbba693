"""Where the abs-max scales of a quantized kernel and of its inputs sit relative to the output.

The kernel is quantized over its contracted axes (those absent from the output) and the inputs over theirs;
Keras stores `kernel_scale` in the output's layout (1 on output axes the kernel lacks), so it divides the
output directly. Dense's layout is the plain case: one scale per unit, shape (units,)."""
from kerax import ops
from kerax.layers.core.einsum_shapes import expanded_specs


class DenseScaleLayout:
    kernel_axes = (0,)
    input_axes = (-1,)

    def stored_shape(self, kernel_shape):
        return tuple(kernel_shape[-1:])

    def store(self, scale):
        """The kernel's keep-dims scale -> the stored `kernel_scale`."""
        return ops.squeeze(scale, axis=0)

    def for_kernel(self, stored):
        return stored

    def for_output(self, stored):
        return stored

    def inputs_for_output(self, inputs_scale):
        return inputs_scale


class EinsumScaleLayout:
    def __init__(self, equation, input_rank):
        self.input_spec, self.kernel_spec, self.output_spec = expanded_specs(equation, input_rank)
        self.kernel_axes = tuple(i for i, d in enumerate(self.kernel_spec) if d not in self.output_spec)
        self.input_axes = tuple(i for i, d in enumerate(self.input_spec) if d not in self.output_spec)

    def stored_shape(self, kernel_shape):
        sizes = dict(zip(self.kernel_spec, kernel_shape))
        return tuple(sizes.get(d, 1) for d in self.output_spec)

    def store(self, scale):
        return _to_output_layout(scale, self.kernel_spec, self.output_spec)

    def for_kernel(self, stored):
        """The stored scale laid out like the kernel (1 on its contracted axes), to dequantize it."""
        shared = [d for d in self.output_spec if d in self.kernel_spec]
        values = ops.reshape(stored, [stored.shape[self.output_spec.index(d)] for d in shared])
        values = ops.transpose(values, [shared.index(d) for d in self.kernel_spec if d in shared])
        return ops.reshape(values, [values.shape[[d for d in self.kernel_spec if d in shared].index(d)]
                                    if d in shared else 1 for d in self.kernel_spec])

    def for_output(self, stored):
        return stored

    def inputs_for_output(self, inputs_scale):
        return _to_output_layout(inputs_scale, self.input_spec, self.output_spec)


def _to_output_layout(scale, spec, output_spec):
    """A keep-dims scale over `spec` (1 on the axes absent from the output) in the output's axis order, with
    1 on the output axes `spec` lacks."""
    kept = [d for d in spec if d in output_spec]
    values = ops.squeeze(scale, axis=tuple(i for i, d in enumerate(spec) if d not in output_spec)) \
        if len(kept) < len(spec) else scale
    ordered = [d for d in output_spec if d in kept]
    values = ops.transpose(values, [kept.index(d) for d in ordered])
    return ops.reshape(values, [values.shape[ordered.index(d)] if d in kept else 1 for d in output_spec])
