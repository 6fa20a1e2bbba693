"""MultiHeadAttention (Vaswani et al., 2017): queries, keys and values are projected into `num_heads` heads,
each head computes softmax(Q K^T / sqrt(key_dim)) V, and the heads are projected back to the query's size.

Weights follow Keras 3: `query`/`key`/`value` kernels (dim, num_heads, head_dim) with biases
(num_heads, head_dim), then the `attention_output` kernel (num_heads, value_dim, *output_shape) and bias.
"""
import math

from kerax import constraints, initializers, ops, regularizers
from kerax.layers.attention.attention_utils import (
    attention_equations, combined_attention_mask, masked_softmax,
)
from kerax.layers.attention.projection import Projection
from kerax.layers.core.dropout import Dropout
from kerax.layers.layer import Layer


class MultiHeadAttention(Layer):
    # In a functional model, the masks of these arguments' tensors arrive as these keywords.
    mask_arguments = {"query": "query_mask", "value": "value_mask", "key": "key_mask"}

    def __init__(self, num_heads, key_dim, value_dim=None, dropout=0.0, use_bias=True, output_shape=None,
                 attention_axes=None, flash_attention=None, kernel_initializer="glorot_uniform",
                 bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None,
                 activity_regularizer=None, kernel_constraint=None, bias_constraint=None, seed=None,
                 **kwargs):
        # In tf.keras 2 configs: the build shapes (kerax builds on the first call) and whether masked scores
        # are replaced by, rather than added, a large negative (both give the same weights but for huge scores).
        for tf2_argument in ("query_shape", "key_shape", "value_shape", "softmax_robust_masking"):
            kwargs.pop(tf2_argument, None)
        super().__init__(activity_regularizer=activity_regularizer, **kwargs)
        for name, value in (("num_heads", num_heads), ("key_dim", key_dim)):
            if not isinstance(value, int) or value <= 0:
                raise ValueError(
                    f"MultiHeadAttention: `{name}` must be a positive integer, received {value!r}."
                )
        if not 0 <= dropout < 1:
            raise ValueError(f"MultiHeadAttention: `dropout` must be in [0, 1), received dropout={dropout}.")
        self.num_heads = num_heads
        self.key_dim = key_dim
        self.value_dim = value_dim or key_dim
        self.dropout = float(dropout)
        self.use_bias = use_bias
        self._output_shape = (output_shape,) if isinstance(output_shape, int) else (
            tuple(output_shape) if output_shape else None)
        self.attention_axes = (attention_axes,) if isinstance(attention_axes, int) else (
            tuple(attention_axes) if attention_axes is not None else None)
        self.kernel_initializer = initializers.get(kernel_initializer)
        self.bias_initializer = initializers.get(bias_initializer)
        self.kernel_regularizer = regularizers.get(kernel_regularizer)
        self.bias_regularizer = regularizers.get(bias_regularizer)
        self.kernel_constraint = constraints.get(kernel_constraint)
        self.bias_constraint = constraints.get(bias_constraint)
        self.seed = seed
        # Keras's sublayer (and so its saved path): `_dropout_layer`, with random state only if dropout > 0.
        self._dropout_layer = Dropout(self.dropout, seed=seed, dtype=self.dtype_policy)
        self.supports_masking = True

    def build(self, query_shape, value_shape, key_shape=None):
        key_shape = value_shape if key_shape is None else key_shape
        if tuple(value_shape[1:-1]) != tuple(key_shape[1:-1]):
            raise ValueError(
                f'MultiHeadAttention layer "{self.name}": all dimensions of `value` and `key`, except the '
                f"last one, must be equal. Received: value_shape={value_shape} and key_shape={key_shape}"
            )
        heads = self.num_heads
        self._query_dense = self._projection("query", query_shape, (heads, self.key_dim), 1)
        self._key_dense = self._projection("key", key_shape, (heads, self.key_dim), 1)
        self._value_dense = self._projection("value", value_shape, (heads, self.value_dim), 1)
        self._output_dense = self._projection(
            "attention_output", tuple(query_shape[:-1]) + (heads, self.value_dim),
            self._output_shape or (query_shape[-1],), 2)
        rank = len(query_shape) + 1  # after projection: (batch, ..., heads, channels)
        axes = self.attention_axes if self.attention_axes is not None else range(1, rank - 2)
        self._attention_axes = tuple(a if a >= 0 else rank - 1 + a for a in axes)
        self._score_equation, self._combine_equation = attention_equations(rank, self._attention_axes)
        self.built = True

    def _projection(self, name, input_shape, output_dims, contracted):
        layer = Projection(
            output_dims, contracted, self.use_bias, name=name, dtype=self.dtype_policy,
            kernel_initializer=self.kernel_initializer, bias_initializer=self.bias_initializer,
            kernel_regularizer=self.kernel_regularizer, bias_regularizer=self.bias_regularizer,
            kernel_constraint=self.kernel_constraint, bias_constraint=self.bias_constraint,
        )
        layer.build(tuple(input_shape))
        self._adopt_paths(layer)  # multi_head_attention/query/kernel, as in Keras
        return layer

    @property
    def query_dense(self):
        return self._query_dense

    @property
    def key_dense(self):
        return self._key_dense

    @property
    def value_dense(self):
        return self._value_dense

    @property
    def output_dense(self):
        return self._output_dense

    def call(self, query, value, key=None, query_mask=None, value_mask=None, key_mask=None,
             attention_mask=None, return_attention_scores=False, training=None, use_causal_mask=False):
        key = value if key is None else key
        mask = combined_attention_mask(query.shape[1], value.shape[1], query_mask, value_mask, key_mask,
                                       attention_mask, use_causal_mask)
        q = ops.multiply(self._query_dense(query), 1.0 / math.sqrt(self.key_dim))
        k = self._key_dense(key)
        v = self._value_dense(value)
        scores = ops.einsum(self._score_equation, q, k)
        n_axes = len(self._attention_axes)
        if mask is not None:
            for _ in range(scores.ndim - mask.ndim):  # add the heads axis (and any other missing ones)
                mask = ops.expand_dims(mask, -2 * n_axes - 1)
        scores = masked_softmax(scores, mask, axis=tuple(range(-n_axes, 0)))
        heads = ops.einsum(self._combine_equation, self._dropout_layer(scores, training=training), v)
        outputs = self._output_dense(heads)
        return (outputs, scores) if return_attention_scores else outputs

    def compute_mask(self, inputs, previous_mask=None):
        return previous_mask[0] if isinstance(previous_mask, (list, tuple)) else previous_mask

    def get_config(self):
        return {
            **super().get_config(),
            "num_heads": self.num_heads,
            "key_dim": self.key_dim,
            "value_dim": self.value_dim,
            "dropout": self.dropout,
            "use_bias": self.use_bias,
            "output_shape": list(self._output_shape) if self._output_shape else None,
            "attention_axes": list(self.attention_axes) if self.attention_axes is not None else None,
            "kernel_initializer": initializers.serialize(self.kernel_initializer),
            "bias_initializer": initializers.serialize(self.bias_initializer),
            "kernel_regularizer": regularizers.serialize(self.kernel_regularizer),
            "bias_regularizer": regularizers.serialize(self.bias_regularizer),
            "activity_regularizer": regularizers.serialize(self.activity_regularizer),
            "kernel_constraint": constraints.serialize(self.kernel_constraint),
            "bias_constraint": constraints.serialize(self.bias_constraint),
            "seed": self.seed,
        }

