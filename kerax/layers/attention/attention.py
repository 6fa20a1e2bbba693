"""Attention: dot-product (Luong) or additive-style "concat" attention of a query over a value sequence.

Inputs `[query (B, Tq, dim), value (B, Tv, dim)]` or `[query, value, key]`; masks `[query_mask, value_mask]`.
"""
from kerax import ops
from kerax.layers.attention.attention_utils import attention_dropout, combined_attention_mask, masked_softmax
from kerax.layers.layer import Layer
from kerax.random import SeedGenerator


class Attention(Layer):
    def __init__(self, use_scale=False, score_mode="dot", dropout=0.0, seed=None, **kwargs):
        kwargs.pop("causal", None)  # tf.keras 2.x argument, replaced by `use_causal_mask=` at call time
        super().__init__(**kwargs)
        if score_mode not in ("dot", "concat"):
            raise ValueError("Invalid value for argument score_mode. Expected one of {'dot', 'concat'}. "
                             f"Received: score_mode={score_mode}")
        if not 0 <= dropout < 1:
            raise ValueError(f"Attention: `dropout` must be in [0, 1), received dropout={dropout}.")
        self.use_scale = use_scale
        self.score_mode = score_mode
        self.dropout = float(dropout)
        self.seed = seed
        self.seed_generator = SeedGenerator(seed, name="seed_generator") if dropout > 0 else None

    def build(self, input_shape):
        self._validate(input_shape)
        self.scale = self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(), initializer="ones")
        if self.score_mode == "concat":
            self.concat_score_weight = self.add_weight(name="concat_score_weight", shape=(),
                                                       initializer="ones")
        self.built = True

    def call(self, inputs, mask=None, training=None, return_attention_scores=False, use_causal_mask=False):
        self._validate(inputs, mask)
        query, value = inputs[0], inputs[1]
        key = inputs[2] if len(inputs) > 2 else value
        query_mask, value_mask = (mask[0], mask[1]) if mask else (None, None)
        scores = self._scores(query, key)
        scores_mask = combined_attention_mask(scores.shape[-2], scores.shape[-1], value_mask=value_mask,
                                              use_causal_mask=use_causal_mask)
        weights = masked_softmax(scores, scores_mask)
        outputs = ops.matmul(attention_dropout(weights, self.dropout, self.seed_generator, training), value)
        if query_mask is not None:
            outputs = ops.multiply(outputs, ops.cast(ops.expand_dims(query_mask, -1), outputs.dtype))
        return (outputs, weights) if return_attention_scores else outputs

    def _scores(self, query, key):
        if self.score_mode == "dot":
            scores = ops.matmul(query, ops.swapaxes(key, -1, -2))
            return scores if self.scale is None else ops.multiply(scores, self.scale)
        pairs = ops.add(ops.expand_dims(query, -2), ops.expand_dims(key, -3))  # (B, Tq, Tv, dim)
        if self.scale is not None:
            pairs = ops.multiply(pairs, self.scale)
        return ops.multiply(self.concat_score_weight, ops.sum(ops.tanh(pairs), axis=-1))

    def compute_mask(self, inputs, previous_mask=None):
        if not isinstance(previous_mask, (list, tuple)) or previous_mask[0] is None:
            return None
        return previous_mask[0]

    def _validate(self, inputs, mask=None):
        name = f'{type(self).__name__} layer "{self.name}"'
        if not isinstance(inputs, (list, tuple)) or not 2 <= len(inputs) <= 3:
            raise ValueError(f"{name} must be called on a list of inputs, namely [query, value] or "
                             f"[query, value, key]. Received: {inputs}.")
        if mask is not None and (not isinstance(mask, (list, tuple)) or not 2 <= len(mask) <= 3):
            raise ValueError(
                f"{name}: `mask` must be a list [query_mask, value_mask]. Received: mask={mask}."
            )

    def get_config(self):
        return {**super().get_config(), "use_scale": self.use_scale, "score_mode": self.score_mode,
                "dropout": self.dropout, "seed": self.seed}
