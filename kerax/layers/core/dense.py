"""Dense: `activation(inputs @ kernel + bias)`."""
from kerax import activations, constraints, initializers, ops, regularizers
from kerax.layers.core import kernel_quantization, quantization_modes, scale_layouts
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.legacy_arguments import pop_legacy


class Dense(kernel_quantization.KernelQuantization, Layer):
    def __init__(self, units, activation=None, use_bias=True, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, **kwargs):
        kernel_initializer = pop_legacy(kwargs, "init", kernel_initializer)
        kernel_regularizer = pop_legacy(kwargs, "W_regularizer", kernel_regularizer)
        bias_regularizer = pop_legacy(kwargs, "b_regularizer", bias_regularizer)
        kernel_constraint = pop_legacy(kwargs, "W_constraint", kernel_constraint)
        bias_constraint = pop_legacy(kwargs, "b_constraint", bias_constraint)
        use_bias = pop_legacy(kwargs, "bias", use_bias)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        if not isinstance(units, int) or units <= 0:
            raise ValueError(f"Dense: `units` must be a positive integer, received units={units!r}.")
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = use_bias
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.input_spec = InputSpec(min_ndim=2)
        self.supports_masking = True

    def build(self, input_shape):
        input_dim = input_shape[-1]
        if input_dim is None:
            raise ValueError(f'Dense layer "{self.name}": the last dimension of the input must be known, '
                             f"received input shape {tuple(input_shape)}.")
        self._build_kernel((input_dim, self.units), self.kernel_initializer, self.kernel_regularizer,
                           self.kernel_constraint)
        self.bias = None
        if self.use_bias:
            self.bias = self.add_weight(
                name="bias", shape=(self.units,), initializer=self.bias_initializer,
                regularizer=self.bias_regularizer, constraint=self.bias_constraint,
            )
        self.input_spec = InputSpec(min_ndim=2, axes={-1: input_dim})
        self.built = True

    def call(self, inputs, training=None):
        x = self._kernel_contract(inputs, ops.matmul, training)
        if self.bias is not None:
            x = ops.add(x, self.bias)
        return self.activation(x)

    def _scale_layout(self):
        return scale_layouts.DenseScaleLayout()

    def quantize(self, mode=None, type_check=True, config=None):
        """Quantizes the kernel: "int8", "int4" (per output channel) or "float8" (see kernel_quantization)."""
        quantization_modes.check_type(self, Dense, type_check)
        self._quantize_kernel(mode, config)

    def compute_output_shape(self, input_shape):
        return tuple(input_shape)[:-1] + (self.units,)

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "activation": activations.serialize(self.activation),
            "use_bias": self.use_bias,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
        }
