"""EinsumDense: `activation(einsum(equation, inputs, kernel) + bias)`, a Dense layer whose contraction is an
einsum equation (see einsum_shapes.py), e.g. "abc,cde->abde" projects each step to a (d, e) matrix."""
from kerax import activations, constraints, initializers, ops, regularizers
from kerax.layers.core import kernel_quantization, quantization_modes, scale_layouts
from kerax.layers.core.einsum_shapes import einsum_shapes
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer


class EinsumDense(kernel_quantization.KernelQuantization, Layer):
    def __init__(self, equation, output_shape, activation=None, bias_axes=None,
                 kernel_initializer="glorot_uniform", bias_initializer="zeros", kernel_regularizer=None,
                 bias_regularizer=None, kernel_constraint=None, bias_constraint=None, **kwargs):
        super().__init__(**kwargs)
        self.equation = equation
        self.partial_output_shape = (output_shape,) if isinstance(output_shape, int) else tuple(output_shape)
        self.bias_axes = bias_axes
        self.activation = activations.get(activation)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)

    def build(self, input_shape):
        kernel_shape, bias_shape, _ = einsum_shapes(self.equation, self.bias_axes, input_shape,
                                                    self.partial_output_shape)
        if None in kernel_shape or (bias_shape and None in bias_shape):
            raise ValueError(f'EinsumDense layer "{self.name}": the kernel shape {kernel_shape} of '
                             f"{self.equation!r} is not fully known from input shape {tuple(input_shape)} "
                             f"and output_shape={self.partial_output_shape}; give the missing sizes in "
                             "output_shape.")
        self.input_spec = InputSpec(ndim=len(input_shape))
        self._input_rank = len(input_shape)
        self._build_kernel(tuple(kernel_shape), self.kernel_initializer, self.kernel_regularizer,
                           self.kernel_constraint)
        self.bias = None
        if bias_shape is not None:
            self.bias = self.add_weight(
                name="bias", shape=tuple(bias_shape), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint)
        self.built = True

    def call(self, inputs, training=None):
        x = self._kernel_contract(inputs, self._einsum, training)
        if self.bias is not None:
            x = ops.add(x, self.bias)
        return self.activation(x)

    def _einsum(self, inputs, kernel):
        return ops.einsum(self.equation, inputs, kernel)

    def _scale_layout(self):
        return scale_layouts.EinsumScaleLayout(self.equation, self._input_rank)

    def quantize(self, mode=None, type_check=True, config=None):
        """Quantizes the kernel: "int8" (abs-max over the contracted axes), "int4" or "float8"."""
        quantization_modes.check_type(self, EinsumDense, type_check)
        if getattr(config, "mode", mode) == "int4" and getattr(config, "activation_quantizer", None):
            raise NotImplementedError(f"Layer '{self.name}': int4 EinsumDense with an activation quantizer "
                                      "is not implemented in kerax; int4 quantizes the kernel only.")
        self._quantize_kernel(mode, config)

    def compute_output_shape(self, input_shape):
        return tuple(einsum_shapes(self.equation, self.bias_axes, input_shape, self.partial_output_shape)[2])

    def get_config(self):
        return {
            **super().get_config(),
            "output_shape": self.partial_output_shape,
            "equation": self.equation,
            "activation": activations.serialize(self.activation),
            "bias_axes": self.bias_axes,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }
