"""`quantize(mode)` for Embedding, with Keras 3's weights: int8 `embeddings` with one abs-max
`embeddings_scale` per row (the row is what a lookup reads); int4 values in [-8, 7] packed two per byte
along the output axis, (input_dim, ceil(output_dim / 2)), per row (block size -1) or, by default (block size
128), with an asymmetric scale and `embeddings_zero` per row and group of `block_size` columns
((input_dim, n_groups)) and `g_idx` (output_dim,) the group of each column. Lookups dequantize the rows."""
import math

from kerax import ops, quantizers
from kerax.layers.core import int4_kernel
from kerax.layers.core.quantization_modes import (
    check_mode, check_type, config_block_size, int4_block_size, quantized_policy, resolve_config,
)

_SAVED_ORDER = {"int8": ("embeddings", "embeddings_scale"),
                "int4": ("embeddings", "embeddings_scale", "embeddings_zero", "g_idx")}


class EmbeddingQuantization:
    def _build_embeddings(self, initializer, regularizer, constraint):
        mode = check_mode(self, self.dtype_policy.quantization_mode)
        if mode == "float8":
            raise NotImplementedError(f"Layer '{self.name}': Embedding has no float8 mode (as in Keras); "
                                      "use 'int8' or 'int4'.")
        if mode is None:
            self.embeddings = self.add_weight(name="embeddings", shape=(self.input_dim, self.output_dim),
                                              initializer=initializer, regularizer=regularizer,
                                              constraint=constraint)
            return
        columns = self.output_dim if mode == "int8" else (self.output_dim + 1) // 2
        block_size = int4_block_size(self.dtype_policy) if mode == "int4" else None
        scale = (self.input_dim,) if block_size is None else (
            self.input_dim, math.ceil(self.output_dim / block_size))
        self.embeddings = self.add_weight(name="embeddings", shape=(self.input_dim, columns),
                                          initializer="zeros", dtype="int8", trainable=False)
        self.embeddings_scale = self.add_weight(name="embeddings_scale", shape=scale, initializer="ones",
                                                trainable=False)
        if block_size is not None:
            self.embeddings_zero = self.add_weight(name="embeddings_zero", shape=scale, initializer="zeros",
                                                   dtype="int8", trainable=False)
            self.g_idx = self.add_weight(name="g_idx", shape=(self.output_dim,), initializer="zeros",
                                         dtype="float32", trainable=False)
            self.g_idx.assign(int4_kernel.group_index(self.output_dim, block_size))

    def _keras_variable_order(self):
        """A quantized layer's variables in Keras's file order (None: the usual order)."""
        mode = self.dtype_policy.quantization_mode
        if mode is None:
            return None
        return [getattr(self, n) for n in _SAVED_ORDER[mode] if getattr(self, n, None) is not None]

    def _lookup(self, ids):
        mode = self.dtype_policy.quantization_mode
        rows = ops.take(self.embeddings, ids, axis=0)
        if mode is None:
            return rows
        if mode == "int4":
            rows = quantizers.unpack_int4(rows, self.output_dim, axis=-1)
        scale = ops.take(self.embeddings_scale, ids, axis=0)
        zero = getattr(self, "embeddings_zero", None)
        if zero is None:
            return int4_kernel.dequantize_values(rows, ops.expand_dims(scale, -1), None, None, -1,
                                                 self.compute_dtype)
        return int4_kernel.dequantize_values(rows, scale, ops.take(zero.value, ids, axis=0), self.g_idx.value,
                                             -1, self.compute_dtype)

    def quantize(self, mode=None, type_check=True, config=None):
        """Replaces the float embeddings by the quantized weights of `mode` ("int8" or "int4")."""
        check_type(self, type(self)._quantizable_class(), type_check)
        mode, config = resolve_config(mode, config)
        policy = self.dtype_policy
        if policy.quantization_mode is not None:
            raise ValueError(f"Layer '{self.name}' is already quantized with dtype_policy='{policy.name}'. "
                             f"Received: mode={mode}")
        if check_mode(self, mode) not in ("int8", "int4"):
            raise NotImplementedError(f"Layer '{self.name}': Embedding quantizes to 'int8' or 'int4' only "
                                      f"(as in Keras). Received: mode={mode}")
        value_range = (-127, 127) if mode == "int8" else (-8, 7)
        quantizer = quantizers.QuantizationConfig.weight_quantizer_or_default(
            config, quantizers.AbsMaxQuantizer(axis=-1, value_range=value_range))
        # Quantized as the transpose: its rows (axis 0) are the output axis the scales reduce over.
        block_size = config_block_size(config) if mode == "int4" else None
        values, scale, zero = int4_kernel.quantize_matrix(self.embeddings.numpy().T, quantizer, block_size)
        values, scale = ops.transpose(values), ops.transpose(scale) if zero is not None else scale
        if mode == "int4":
            values = quantizers.pack_int4(values, axis=-1)[0]
        self._own_variables.remove(self.embeddings)
        self.dtype_policy = quantized_policy(mode, config, policy)
        self._build_embeddings("zeros", None, None)
        self.embeddings.assign(values)
        self.embeddings_scale.assign(scale)
        if zero is not None:
            self.embeddings_zero.assign(ops.transpose(zero))
