import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.layers.attention import Attention


def softmax(x):
    e = np.exp(x - x.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


def numpy_attention(q, v, k=None, value_mask=None, query_mask=None, causal=False, scale=1.0):
    k = v if k is None else k
    scores = scale * q @ k.transpose(0, 2, 1)
    allowed = np.ones(scores.shape, bool)
    if value_mask is not None:
        allowed &= value_mask[:, None, :]
    if causal:
        allowed &= np.tril(np.ones(scores.shape[1:], bool))[None]
    weights = softmax(scores - 1e9 * (~allowed))
    out = weights @ v
    if query_mask is not None:
        out = out * query_mask[:, :, None]
    return out, weights


@pytest.fixture
def qkv(rng):
    return [rng.normal(size=shape).astype("float32") for shape in ((2, 3, 4), (2, 5, 4), (2, 5, 4))]


def test_dot_attention_matches_numpy(qkv):
    q, v, k = qkv
    out, scores = Attention()([q, v, k], return_attention_scores=True)
    expected, expected_scores = numpy_attention(q, v, k)
    np.testing.assert_allclose(np.asarray(out), expected, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(np.asarray(scores), expected_scores, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.asarray(Attention()([q, v])), numpy_attention(q, v)[0],
                               rtol=1e-5, atol=1e-5)


def test_masks_causal_mask_and_learned_scale(qkv):
    q, v, _ = qkv
    value_mask = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 0]], bool)
    query_mask = np.array([[1, 1, 0], [1, 0, 1]], bool)
    layer = Attention(use_scale=True)
    layer.build([q.shape, v.shape])
    layer.scale.assign(0.5)
    out = layer([q, v], mask=[query_mask, value_mask], use_causal_mask=True)
    expected, _ = numpy_attention(q, v, value_mask=value_mask, query_mask=query_mask, causal=True, scale=0.5)
    np.testing.assert_allclose(np.asarray(out), expected, rtol=1e-5, atol=1e-5)
    output_mask = layer.compute_mask([q, v], [query_mask, value_mask])
    np.testing.assert_array_equal(np.asarray(output_mask), query_mask)


def test_concat_score_mode(qkv):
    q, v, _ = qkv
    layer = Attention(score_mode="concat")
    out = np.asarray(layer([q, v]))
    scores = np.tanh(q[:, :, None, :] + v[:, None, :, :]).sum(-1)
    np.testing.assert_allclose(out, softmax(scores) @ v, rtol=1e-5, atol=1e-5)
    assert [w.name for w in layer.weights] == ["concat_score_weight"]


def test_dropout_only_in_training(qkv):
    q, v, _ = qkv
    layer = Attention(dropout=0.5, seed=1)
    np.testing.assert_allclose(np.asarray(layer([q, v])), numpy_attention(q, v)[0], rtol=1e-5, atol=1e-5)
    assert not np.allclose(np.asarray(layer([q, v], training=True)), numpy_attention(q, v)[0])


def test_errors():
    with pytest.raises(ValueError, match="score_mode"):
        Attention(score_mode="add")
    with pytest.raises(ValueError, match=r"\[query, value\] or \[query, value, key\]"):
        Attention()(np.zeros((1, 2, 3), "float32"))


def test_models_fit_and_config(rng, qkv):
    query, value = kerax.Input((3, 4)), kerax.Input((5, 4))
    attended, scores = Attention(use_scale=True)([query, value], return_attention_scores=True)
    assert attended.shape == (None, 3, 4) and scores.shape == (None, 3, 5)
    model = kerax.Model([query, value], layers.Dense(1)(layers.Flatten()(attended)))
    model.compile(optimizer="sgd", loss="mse")
    q, v, _ = qkv
    history = model.fit([q, v], rng.normal(size=(2, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.attention = Attention()

        def call(self, inputs):
            return self.attention([inputs, inputs], use_causal_mask=True)

    np.testing.assert_allclose(np.asarray(Net()(v)), numpy_attention(v, v, causal=True)[0],
                               rtol=1e-5, atol=1e-5)
    sequential = kerax.Sequential([kerax.Input((5, 4)), layers.Lambda(lambda x: [x, x]), Attention()])
    np.testing.assert_allclose(np.asarray(sequential(v)), numpy_attention(v, v)[0], rtol=1e-5, atol=1e-5)

    layer = Attention(use_scale=True, score_mode="concat", dropout=0.1, seed=3, name="att")
    config = layer.get_config()
    assert Attention.from_config(config).get_config() == config


class ZeroStepsMasked(layers.Layer):
    """Masks the time steps whose features are all zero (like Masking(0.0))."""

    def call(self, inputs):
        return inputs

    def compute_mask(self, inputs, previous_mask=None):
        return kerax.ops.any(kerax.ops.not_equal(inputs, 0), axis=-1)


def test_masks_reach_attention_in_a_functional_model(qkv):
    q, v, _ = qkv
    v = v.copy()
    v[0, 3:] = 0.0  # padded value steps
    query, value = kerax.Input((3, 4)), kerax.Input((5, 4))
    model = kerax.Model([query, value], Attention()([query, ZeroStepsMasked()(value)]))
    expected, _ = numpy_attention(q, v, value_mask=np.any(v != 0, axis=-1))
    np.testing.assert_allclose(np.asarray(model([q, v])), expected, rtol=1e-5, atol=1e-5)
