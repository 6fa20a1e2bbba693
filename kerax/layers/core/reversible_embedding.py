"""ReversibleEmbedding: an Embedding that also maps vectors back to logits over the vocabulary
(`layer(x, reverse=True)` = `x @ embeddings.T`, or `x @ reverse_embeddings` with `tie_weights=False`), as the
input and output layers of a language model. `logit_soft_cap` squashes the logits to
`cap * tanh(logits / cap)`; `reverse_dtype` is the dtype the reverse matmul computes in."""
from kerax import backend, ops, quantizers
from kerax.backend import KerasTensor
from kerax.layers.core import quantized_matmul, scale_layouts
from kerax.layers.core.embedding import Embedding


class ReversibleEmbedding(Embedding):
    def __init__(self, input_dim, output_dim, tie_weights=True, embeddings_initializer="uniform",
                 embeddings_regularizer=None, embeddings_constraint=None, mask_zero=False, reverse_dtype=None,
                 logit_soft_cap=None, **kwargs):
        super().__init__(input_dim, output_dim, embeddings_initializer=embeddings_initializer,
                         embeddings_regularizer=embeddings_regularizer,
                         embeddings_constraint=embeddings_constraint, mask_zero=mask_zero, **kwargs)
        self.tie_weights = tie_weights
        self.reverse_dtype = reverse_dtype
        self.logit_soft_cap = logit_soft_cap

    def build(self, input_shape=None):
        mode = self.dtype_policy.quantization_mode
        if mode == "int4":
            raise NotImplementedError(f"Layer '{self.name}': int4 quantization of ReversibleEmbedding is not "
                                      "implemented in kerax; use 'int8'.")
        super().build(input_shape)
        if not self.tie_weights:
            self._build_reverse(mode)

    def _build_reverse(self, mode):
        if mode == "int8":  # Keras: int8 values with one scale per vocabulary entry (a column)
            self.reverse_embeddings = self.add_weight(name="reverse_embeddings", initializer="zeros",
                                                      shape=(self.output_dim, self.input_dim), dtype="int8",
                                                      trainable=False)
            self.reverse_embeddings_scale = self.add_weight(
                name="reverse_embeddings_scale", initializer="ones", shape=(self.input_dim,), trainable=False)
        else:
            self.reverse_embeddings = self.add_weight(
                name="reverse_embeddings", shape=(self.output_dim, self.input_dim),
                initializer=self.embeddings_initializer)

    @classmethod
    def _quantizable_class(cls):
        return ReversibleEmbedding

    def _keras_variable_order(self):
        order = super()._keras_variable_order()
        if order is None or self.tie_weights:
            return order
        return order + [self.reverse_embeddings, self.reverse_embeddings_scale]

    def quantize(self, mode=None, type_check=True, config=None):
        """int8 (as Keras): the embeddings per row, untied reverse embeddings per column; the reverse
        direction quantizes its inputs per row on the fly."""
        mode = config.mode if config is not None else mode
        if mode == "int4":
            raise NotImplementedError(f"Layer '{self.name}': int4 quantization of ReversibleEmbedding is not "
                                      "implemented in kerax; use 'int8'.")
        reverse = None if self.tie_weights else self.reverse_embeddings
        super().quantize(mode, type_check, config)
        if reverse is not None:
            values, scale = quantizers.AbsMaxQuantizer(axis=0)(reverse.numpy(), to_numpy=True)
            self._own_variables.remove(reverse)
            self._build_reverse(mode)
            self.reverse_embeddings.assign(values)
            self.reverse_embeddings_scale.assign(ops.squeeze(scale, axis=0))

    def call(self, inputs, reverse=False, training=None):
        if not reverse:
            return super().call(inputs)
        if self.dtype_policy.quantization_mode == "int8":
            return self._soft_cap(self._int8_logits(inputs, training))
        kernel = ops.transpose(self.embeddings) if self.tie_weights else self.reverse_embeddings
        if self.reverse_dtype is not None:
            inputs, kernel = ops.cast(inputs, self.reverse_dtype), ops.cast(kernel, self.reverse_dtype)
        return self._soft_cap(ops.matmul(inputs, kernel))

    def _soft_cap(self, logits):
        if self.logit_soft_cap is not None:
            logits = ops.multiply(ops.tanh(ops.divide(logits, self.logit_soft_cap)), self.logit_soft_cap)
        return logits

    def _int8_logits(self, inputs, training):
        if self.tie_weights:
            kernel, scale = ops.transpose(self.embeddings.value), self.embeddings_scale.value
        else:
            kernel, scale = self.reverse_embeddings.value, self.reverse_embeddings_scale.value
        return quantized_matmul.integer_contract(ops.matmul, inputs, kernel, scale_layouts.DenseScaleLayout(),
                                                 scale, quantizers.AbsMaxQuantizer(), self.compute_dtype,
                                                 training)

    def compute_mask(self, inputs, previous_mask=None):
        # Only ids (the forward direction) give a mask; vectors going back to logits do not.
        if not backend.standardize_dtype(inputs.dtype).startswith(("int", "uint")):
            return None
        return super().compute_mask(inputs, previous_mask)

    def compute_output_shape(self, input_shape, reverse=False):
        shape = tuple(input_shape)
        return shape[:-1] + (self.input_dim,) if reverse else shape + (self.output_dim,)

    def compute_output_spec(self, inputs, reverse=False, **kwargs):
        dtype = self.reverse_dtype if reverse and self.reverse_dtype else self.compute_dtype
        return KerasTensor(self.compute_output_shape(inputs.shape, reverse), dtype)

    def get_config(self):
        return {**super().get_config(), "tie_weights": self.tie_weights, "reverse_dtype": self.reverse_dtype,
                "logit_soft_cap": self.logit_soft_cap}
