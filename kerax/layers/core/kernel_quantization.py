"""`quantize(mode)` for layers whose `kernel` is contracted with their inputs (Dense, EinsumDense): the
weights Keras 3 creates per quantization mode, under its names and in its file order.

int8: `kernel` int8 with an abs-max `kernel_scale` over the contracted axes (one per output unit for Dense);
inputs quantized the same way on the fly. int4: see int4_kernel.py; inputs stay float unless the config gives
an activation quantizer. float8: the float kernel plus the delayed-scaling scale and abs-max history of the
inputs and of the kernel; the output gradient's pair is kept for Keras's files but not used (the gradient
is not quantized here)."""
from kerax import dtype_policies, quantizers
from kerax.layers.core import int4_kernel, quantized_matmul
from kerax.layers.core.quantization_modes import (
    check_mode, config_block_size, int4_block_size, quantized_policy, resolve_config,
)

# The variables Keras saves for each mode, in its order (optional ones are skipped when absent).
SAVED_ORDER = {
    "int8": ("kernel", "bias", "kernel_scale"),
    "int4": ("kernel", "bias", "kernel_scale", "kernel_zero", "g_idx"),
    "float8": ("kernel", "bias", "inputs_scale", "inputs_amax_history", "kernel_scale", "kernel_amax_history",
               "outputs_grad_scale", "outputs_grad_amax_history"),
}
_FLOAT8_STATE = SAVED_ORDER["float8"][2:]


class KernelQuantization:
    """Mixed into a layer with `kernel` and `_scale_layout()` (scale_layouts.py)."""

    def _build_kernel(self, kernel_shape, initializer, regularizer, constraint):
        mode = check_mode(self, self.dtype_policy.quantization_mode)
        self._kernel_shape = tuple(kernel_shape)
        if mode in ("int8", "int4"):
            self._build_integer_kernel(mode)
            return
        self.kernel = self.add_weight(name="kernel", shape=kernel_shape, initializer=initializer,
                                      regularizer=regularizer, constraint=constraint)
        if mode == "float8":
            length = getattr(self.dtype_policy, "amax_history_length",
                             dtype_policies.QuantizedFloat8DTypePolicy.default_amax_history_length)
            for name in _FLOAT8_STATE:
                shape = (length,) if name.endswith("history") else ()
                setattr(self, name, self.add_weight(name=name, shape=shape, dtype="float32", trainable=False,
                                                    autocast=False,
                                                    initializer="zeros" if shape else "ones"))

    def _build_integer_kernel(self, mode):
        self.inputs_quantizer = quantizers.AbsMaxQuantizer() if mode == "int8" else None
        layout = self._scale_layout()
        block_size = int4_block_size(self.dtype_policy)
        stored, scale = (self._kernel_shape, layout.stored_shape(self._kernel_shape)) if mode == "int8" \
            else int4_kernel.stored_shapes(self._kernel_shape, layout.kernel_axes, block_size)
        self.kernel = self.add_weight(name="kernel", shape=stored, initializer="zeros", dtype="int8",
                                      trainable=False)
        self.kernel_scale = self.add_weight(name="kernel_scale", shape=scale, initializer="ones",
                                            trainable=False)
        if mode == "int4" and block_size is not None:
            self.kernel_zero = self.add_weight(name="kernel_zero", shape=scale, initializer="zeros",
                                               dtype="int8", trainable=False)
            self.g_idx = self.add_weight(name="g_idx", shape=stored[:1], initializer="zeros", dtype="float32",
                                         trainable=False)
            self.g_idx.assign(int4_kernel.group_index(stored[0], block_size))

    def _keras_variable_order(self):
        """A quantized layer's variables in Keras's file order (None: the usual order)."""
        mode = self.dtype_policy.quantization_mode
        if mode is None:
            return None
        names = SAVED_ORDER[mode]
        return [getattr(self, n) for n in names if getattr(self, n, None) is not None]

    def _kernel_contract(self, inputs, contract, training):
        """`contract(inputs, kernel)` in the layer's quantization mode."""
        mode = self.dtype_policy.quantization_mode
        if mode is None:
            return contract(inputs, self.kernel)
        if mode == "float8":
            x = quantized_matmul.float8_qdq(inputs, self.inputs_scale, self.inputs_amax_history, training,
                                            self.compute_dtype)
            kernel = quantized_matmul.float8_qdq(self.kernel, self.kernel_scale, self.kernel_amax_history,
                                                 training, self.compute_dtype)
            return contract(x, kernel)
        kernel, scale = self.kernel.value, self.kernel_scale.value
        if mode == "int4" and self.inputs_quantizer is None:  # weight-only: a float contraction
            zero, g_idx = (getattr(self, n, None) for n in ("kernel_zero", "g_idx"))
            zero, g_idx = (None, None) if zero is None else (zero.value, g_idx.value)
            float_kernel = int4_kernel.dequantize(kernel, scale, zero, g_idx, self._kernel_shape,
                                                  self.compute_dtype)
            return contract(inputs, float_kernel)
        if mode == "int4":
            kernel = int4_kernel.unpack(kernel, scale.shape[-1], self._kernel_shape)
        return quantized_matmul.integer_contract(contract, inputs, kernel, self._scale_layout(), scale,
                                                 self.inputs_quantizer, self.compute_dtype, training)

    def _quantize_kernel(self, mode, config):
        """Replaces the float kernel by the quantized weights of `mode` ("int8", "int4" or "float8")."""
        mode, config = resolve_config(mode, config)
        policy = self.dtype_policy
        if policy.quantization_mode is not None:
            raise ValueError(f"Layer '{self.name}' is already quantized with dtype_policy='{policy.name}'. "
                             f"Received: mode={mode}")
        check_mode(self, mode)
        kernel = self.kernel.numpy()
        layout = self._scale_layout()
        if mode in ("int8", "int4"):
            value_range = (-127, 127) if mode == "int8" else (-8, 7)
            default = quantizers.AbsMaxQuantizer(axis=0, value_range=value_range)
            quantizer = quantizers.QuantizationConfig.weight_quantizer_or_default(config, default)
            if mode == "int8":
                values, scale = quantizer(kernel, axis=layout.kernel_axes, to_numpy=True)
                scale = layout.store(scale)
            else:
                values, scale, zero = int4_kernel.quantize(kernel, layout.kernel_axes, quantizer,
                                                           config_block_size(config))
        self._own_variables.remove(self.kernel)
        self.dtype_policy = quantized_policy(mode, config, policy)
        self._build_kernel(kernel.shape, "zeros", None, None)
        if mode in ("int8", "int4"):
            self.inputs_quantizer = quantizers.QuantizationConfig.activation_quantizer_or_default(
                config, self.inputs_quantizer)
            self.kernel.assign(values)
            self.kernel_scale.assign(scale)
            if getattr(self, "kernel_zero", None) is not None:
                self.kernel_zero.assign(zero)
        else:
            self.kernel.assign(kernel)
