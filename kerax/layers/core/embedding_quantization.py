"""`quantize(mode)` for Embedding, with Keras 3's weights: int8 `embeddings` with one abs-max
`embeddings_scale` per row (the row is what a lookup reads); int4 the same with values in [-8, 7] packed two
per byte along the output axis, (input_dim, ceil(output_dim / 2)). Lookups dequantize the rows they read."""
from kerax import dtype_policies, ops, quantizers
from kerax.layers.core.kernel_quantization import check_mode, check_type

_SAVED_ORDER = {"int8": ("embeddings", "embeddings_scale"),
                "int4": ("embeddings", "embeddings_scale")}


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
        self.embeddings = self.add_weight(name="embeddings", shape=(self.input_dim, columns),
                                          initializer="zeros", dtype="int8", trainable=False)
        self.embeddings_scale = self.add_weight(name="embeddings_scale", shape=(self.input_dim,),
                                                initializer="ones", trainable=False)

    def _keras_variable_order(self):
        """A quantized layer's variables in Keras's file order (None: the usual order)."""
        mode = self.dtype_policy.quantization_mode
        return None if mode is None else [getattr(self, n) for n in _SAVED_ORDER[mode]]

    def _lookup(self, ids):
        mode = self.dtype_policy.quantization_mode
        rows = ops.take(self.embeddings, ids, axis=0)
        if mode is None:
            return rows
        if mode == "int4":
            rows = quantizers.unpack_int4(rows, self.output_dim, axis=-1)
        scale = ops.expand_dims(ops.take(self.embeddings_scale, ids, axis=0), -1)
        return ops.divide(ops.cast(rows, self.compute_dtype), ops.cast(scale, self.compute_dtype))

    def quantize(self, mode=None, type_check=True, config=None):
        """Replaces the float embeddings by the quantized weights of `mode` ("int8" or "int4")."""
        check_type(self, type(self)._quantizable_class(), type_check)
        mode = config.mode if config is not None else mode
        policy = self.dtype_policy
        if policy.quantization_mode is not None:
            raise ValueError(f"Layer '{self.name}' is already quantized with dtype_policy='{policy.name}'. "
                             f"Received: mode={mode}")
        if check_mode(self, mode, config) not in ("int8", "int4"):
            raise NotImplementedError(f"Layer '{self.name}': Embedding quantizes to 'int8' or 'int4' only "
                                      f"(as in Keras). Received: mode={mode}")
        value_range = (-127, 127) if mode == "int8" else (-8, 7)
        quantizer = quantizers.QuantizationConfig.weight_quantizer_or_default(
            config, quantizers.AbsMaxQuantizer(axis=-1, value_range=value_range))
        values, scale = quantizer(self.embeddings.numpy(), axis=-1, to_numpy=True)
        if mode == "int4":
            values = quantizers.pack_int4(values, axis=-1)[0]
        self._own_variables.remove(self.embeddings)
        name = f"{mode}/-1" if mode == "int4" else mode
        self.dtype_policy = dtype_policies.get(f"{name}_from_{policy.name}")
        self._build_embeddings("zeros", None, None)
        self.embeddings.assign(values)
        self.embeddings_scale.assign(ops.squeeze(scale, axis=-1))
