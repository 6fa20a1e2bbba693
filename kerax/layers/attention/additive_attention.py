"""AdditiveAttention (Bahdanau-style): scores `sum(scale * tanh(query + key), axis=-1)` over every query / key
pair, with a learned `scale` of the feature size (weight "scale", glorot_uniform) when `use_scale`.

Inputs `[query (B, Tq, dim), value (B, Tv, dim)]` or `[query, value, key]`; masks `[query_mask, value_mask]`.
"""
from kerax import ops
from kerax.layers.attention.attention import Attention


class AdditiveAttention(Attention):
    def __init__(self, use_scale=True, dropout=0.0, **kwargs):
        super().__init__(use_scale=use_scale, dropout=dropout, **kwargs)

    def build(self, input_shape):
        self._validate(input_shape)
        self.scale = self.concat_score_weight = None
        if self.use_scale:
            self.scale = self.add_weight(name="scale", shape=(input_shape[0][-1],),
                                         initializer="glorot_uniform")
        self.built = True

    def _scores(self, query, key):
        pairs = ops.tanh(ops.add(ops.expand_dims(query, -2), ops.expand_dims(key, -3)))  # (B, Tq, Tv, dim)
        if self.scale is not None:
            pairs = ops.multiply(pairs, self.scale)
        return ops.sum(pairs, axis=-1)

    def get_config(self):
        config = super().get_config()
        del config["score_mode"]
        return config
