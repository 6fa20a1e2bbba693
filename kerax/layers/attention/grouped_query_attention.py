"""GroupedQueryAttention (Ainslie et al., 2023), exported by Keras as `GroupQueryAttention`: attention with
`num_query_heads` query heads that share `num_key_value_heads` key / value heads (each key / value head serves
num_query_heads // num_key_value_heads query heads). Inputs (batch, steps, features); the output has the
query's shape.

Sublayers as in Keras (so saved weights line up): EinsumDense `_query_dense` (features, query heads,
head_dim), `_key_dense` and `_value_dense` (features, key/value heads, head_dim), `_gate_dense` with
`use_gate`, and `_output_dense` (query heads, head_dim, features). `flash_attention` is accepted and has no
effect (XLA picks the attention kernel).
"""
import math

from kerax import constraints, initializers, ops, regularizers
from kerax.layers.activations.softmax import Softmax
from kerax.layers.attention.attention_utils import combined_attention_mask, sliding_window_mask
from kerax.layers.core.dropout import Dropout
from kerax.layers.core.einsum_dense import EinsumDense
from kerax.layers.layer import Layer


class GroupedQueryAttention(Layer):
    # In a functional model, the masks of these arguments' tensors arrive as these keywords.
    mask_arguments = {"query": "query_mask", "value": "value_mask", "key": "key_mask"}

    def __init__(self, head_dim, num_query_heads, num_key_value_heads, dropout=0.0, use_bias=True,
                 sliding_window=None, flash_attention=None, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, use_gate=False,
                 seed=None, **kwargs):
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        if num_query_heads % num_key_value_heads:
            raise ValueError("GroupedQueryAttention: `num_query_heads` must be divisible by "
                             f"`num_key_value_heads`, received {num_query_heads} and {num_key_value_heads}.")
        if sliding_window is not None and (not isinstance(sliding_window, int) or sliding_window <= 0):
            raise ValueError("GroupedQueryAttention: `sliding_window` must be None or a positive integer, "
                             f"received sliding_window={sliding_window!r}.")
        self.head_dim = head_dim
        self.num_query_heads = num_query_heads
        self.num_key_value_heads = num_key_value_heads
        self.num_repeats = num_query_heads // num_key_value_heads
        self.dropout = dropout
        self.use_bias = use_bias
        self.use_gate = use_gate
        self.sliding_window = sliding_window
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.seed = seed
        self.supports_masking = True

    def build(self, query_shape, value_shape, key_shape=None):
        key_shape = value_shape if key_shape is None else key_shape
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise ValueError(f'GroupedQueryAttention layer "{self.name}": all dimensions of `value` and '
                             "`key`, except the last one, must be equal. Received: "
                             f"value_shape={value_shape} and key_shape={key_shape}")
        query_heads, kv_heads, features = self.num_query_heads, self.num_key_value_heads, query_shape[-1]
        self._query_dense = self._projection("query", "bqm,muh->bquh", query_heads, "uh", query_shape)
        self._key_dense = self._projection("key", "bkm,mvh->bkvh", kv_heads, "vh", key_shape)
        if self.use_gate:
            self._gate_dense = self._projection("gate", "bqm,muh->bquh", query_heads, "uh", query_shape,
                                                activation="sigmoid")
        self._value_dense = self._projection("value", "bkm,mvh->bkvh", kv_heads, "vh", value_shape)
        self._softmax = Softmax(axis=-1, dtype=self.dtype_policy)
        self._dropout_layer = Dropout(rate=self.dropout, seed=self.seed, dtype=self.dtype_policy)
        self._output_dense = EinsumDense("bquh,uhm->bqm", (None, features), name="attention_output",
                                         bias_axes="m" if self.use_bias else None,
                                         **self._sublayer_arguments())
        self._output_dense.build((None, None, query_heads, self.head_dim))
        for variable in self.weights:
            variable.path = f"{self.name}/{variable.path}"  # e.g. grouped_query_attention/query/kernel
        self.built = True

    def _projection(self, name, equation, heads, bias_axes, input_shape, activation=None):
        layer = EinsumDense(equation, (None, heads, self.head_dim), activation=activation, name=name,
                            bias_axes=bias_axes if self.use_bias else None, **self._sublayer_arguments())
        layer.build(tuple(input_shape))
        return layer

    def _sublayer_arguments(self):
        def fresh(initializer):  # each projection gets its own copy, as in Keras
            return type(initializer).from_config(initializer.get_config())

        return dict(kernel_initializer=fresh(self.kernel_initializer),
                    bias_initializer=fresh(self.bias_initializer), kernel_regularizer=self.kernel_regularizer,
                    bias_regularizer=self.bias_regularizer, activity_regularizer=self.activity_regularizer,
                    kernel_constraint=self.kernel_constraint, bias_constraint=self.bias_constraint,
                    dtype=self.dtype_policy)

    def call(self, query, value, key=None, query_mask=None, value_mask=None, key_mask=None,
             attention_mask=None, return_attention_scores=False, training=None, use_causal_mask=False):
        key = value if key is None else key
        query_length, value_length = query.shape[1], value.shape[1]
        if self.sliding_window is not None:
            window = sliding_window_mask(query_length, value_length, self.sliding_window)
            attention_mask = window if attention_mask is None else ops.logical_and(
                ops.cast(attention_mask, "bool"), window)
        mask = combined_attention_mask(query_length, value_length, query_mask, value_mask, key_mask,
                                       attention_mask, use_causal_mask)
        gate = self._gate_dense(query) if self.use_gate else None
        q = ops.multiply(self._query_dense(query), 1.0 / math.sqrt(float(self.head_dim)))
        # Each key / value head repeated for its query heads: (batch, steps, query heads, head_dim).
        k = ops.repeat(self._key_dense(key), self.num_repeats, axis=2)
        v = ops.repeat(self._value_dense(value), self.num_repeats, axis=2)
        scores = ops.einsum("bquh,bkuh->buqk", q, k)
        if mask is not None:
            mask = ops.expand_dims(mask, -3)  # the heads axis
        scores = self._softmax(scores, mask=mask)
        output = ops.einsum("buqk,bkuh->bquh", self._dropout_layer(scores, training=training), v)
        output = self._output_dense(output if gate is None else ops.multiply(output, gate))
        return (output, scores) if return_attention_scores else output

    def compute_mask(self, inputs, previous_mask=None):
        return previous_mask[0] if isinstance(previous_mask, (list, tuple)) else previous_mask

    def get_config(self):
        return {
            **super().get_config(),
            "head_dim": self.head_dim,
            "num_query_heads": self.num_query_heads,
            "num_key_value_heads": self.num_key_value_heads,
            "use_bias": self.use_bias,
            "use_gate": self.use_gate,
            "sliding_window": self.sliding_window,
            "dropout": self.dropout,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "seed": self.seed,
        }
