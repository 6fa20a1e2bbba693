import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.layers.attention import MultiHeadAttention
from kerax.layers.merging import Add
from kerax.layers.normalization import LayerNormalization


def numpy_mha(query, value, weights, key_dim, mask=None):
    """softmax(Q K^T / sqrt(key_dim)) V per head, then the output projection; `mask` is (B, T, S)."""
    wq, bq, wk, bk, wv, bv, wo, bo = weights
    q = np.einsum("btd,dnh->btnh", query, wq) + bq
    k = np.einsum("bsd,dnh->bsnh", value, wk) + bk
    v = np.einsum("bsd,dnh->bsnh", value, wv) + bv
    scores = np.einsum("btnh,bsnh->bnts", q, k) / np.sqrt(key_dim)
    if mask is not None:
        scores = scores - 1e9 * (1.0 - mask[:, None].astype(scores.dtype))
    probs = np.exp(scores - scores.max(-1, keepdims=True))
    probs /= probs.sum(-1, keepdims=True)
    heads = np.einsum("bnts,bsnh->btnh", probs, v)
    return np.einsum("btnh,nhd->btd", heads, wo) + bo, probs


def random_weights(layer, rng):
    layer.set_weights([rng.normal(scale=0.5, size=w.shape).astype("float32") for w in layer.weights])
    return layer.get_weights()


@pytest.fixture
def inputs(rng):
    return rng.normal(size=(2, 3, 4)).astype("float32"), rng.normal(size=(2, 5, 6)).astype("float32")


def test_weight_layout_follows_keras(inputs):
    query, value = inputs
    layer = MultiHeadAttention(num_heads=2, key_dim=3, value_dim=5)
    layer(query, value)
    assert [(w.path, w.shape) for w in layer.weights] == [
        ("multi_head_attention/query/kernel", (4, 2, 3)), ("multi_head_attention/query/bias", (2, 3)),
        ("multi_head_attention/key/kernel", (6, 2, 3)), ("multi_head_attention/key/bias", (2, 3)),
        ("multi_head_attention/value/kernel", (6, 2, 5)), ("multi_head_attention/value/bias", (2, 5)),
        ("multi_head_attention/attention_output/kernel", (2, 5, 4)),
        ("multi_head_attention/attention_output/bias", (4,)),
    ]
    key = np.zeros((2, 5, 3), "float32")
    projected = MultiHeadAttention(2, 3, use_bias=False, output_shape=7)(query, value, key)
    assert projected.shape == (2, 3, 7)


def test_forward_and_scores_match_numpy(rng, inputs):
    query, value = inputs
    layer = MultiHeadAttention(num_heads=2, key_dim=3)
    layer(query, value)
    weights = random_weights(layer, rng)
    out, scores = layer(query=query, value=value, return_attention_scores=True)
    expected, expected_scores = numpy_mha(query, value, weights, 3)
    np.testing.assert_allclose(np.asarray(out), expected, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(np.asarray(scores), expected_scores, rtol=1e-4, atol=1e-5)


def test_attention_mask_causal_mask_and_input_masks(rng):
    x = rng.normal(size=(2, 4, 4)).astype("float32")
    layer = MultiHeadAttention(num_heads=2, key_dim=2)
    layer(x, x)
    weights = random_weights(layer, rng)
    causal = np.tril(np.ones((4, 4), bool))[None]
    np.testing.assert_allclose(np.asarray(layer(x, x, use_causal_mask=True)),
                               numpy_mha(x, x, weights, 2, np.broadcast_to(causal, (2, 4, 4)))[0],
                               rtol=1e-4, atol=1e-4)
    attention_mask = rng.random((2, 4, 4)) > 0.3
    attention_mask[..., 0] = True  # every query attends to something
    combined = attention_mask & causal
    np.testing.assert_allclose(np.asarray(layer(x, x, attention_mask=attention_mask, use_causal_mask=True)),
                               numpy_mha(x, x, weights, 2, combined)[0], rtol=1e-4, atol=1e-4)
    value_mask = np.array([[1, 1, 0, 0], [1, 1, 1, 0]], bool)
    value_attention = np.broadcast_to(value_mask[:, None], (2, 4, 4))
    np.testing.assert_allclose(np.asarray(layer(x, x, value_mask=value_mask)),
                               numpy_mha(x, x, weights, 2, value_attention)[0], rtol=1e-4, atol=1e-4)


def test_default_attention_axes_on_rank4_inputs_attend_over_all_middle_axes(rng):
    x = rng.normal(size=(2, 2, 3, 4)).astype("float32")
    layer = MultiHeadAttention(num_heads=2, key_dim=3)
    out, scores = layer(x, x, return_attention_scores=True)
    assert scores.shape == (2, 2, 2, 3, 2, 3)
    flat = x.reshape(2, 6, 4)
    expected, _ = numpy_mha(flat, flat, layer.get_weights(), 3)
    np.testing.assert_allclose(np.asarray(out), expected.reshape(2, 2, 3, 4), rtol=1e-4, atol=1e-4)
    per_row = MultiHeadAttention(num_heads=1, key_dim=2, attention_axes=2)
    assert per_row(x, x, return_attention_scores=True)[1].shape == (2, 2, 1, 3, 3)


def test_gradients_match_finite_differences(rng, inputs):
    query, value = inputs
    layer = MultiHeadAttention(num_heads=2, key_dim=3)
    layer(query, value)
    weights = [w.astype("float64") for w in random_weights(layer, rng)]
    target = rng.normal(size=(2, 3, 4))

    def loss():
        return kerax.ops.sum(kerax.ops.multiply(layer(query, value), target.astype("float32")))

    _, (grad_query_kernel, grad_output_bias) = kerax.value_and_grad(
        loss, [layer.query_dense.kernel, layer.output_dense.bias])

    def numpy_loss(index, replacement):
        ws = list(weights)
        ws[index] = replacement
        return np.sum(numpy_mha(query.astype("float64"), value.astype("float64"), ws, 3)[0] * target)

    def central(index, h=1e-6):
        grad = np.zeros_like(weights[index])
        for i in np.ndindex(grad.shape):
            step = np.zeros_like(grad)
            step[i] = h
            difference = numpy_loss(index, weights[index] + step) - numpy_loss(index, weights[index] - step)
            grad[i] = difference / (2 * h)
        return grad

    np.testing.assert_allclose(np.asarray(grad_query_kernel), central(0), rtol=1e-3, atol=1e-3)
    np.testing.assert_allclose(np.asarray(grad_output_bias), central(7), rtol=1e-3, atol=1e-3)


def test_dropout_only_in_training(inputs):
    query, value = inputs
    layer = MultiHeadAttention(num_heads=2, key_dim=3, dropout=0.5, seed=0)
    first = np.asarray(layer(query, value))
    np.testing.assert_array_equal(np.asarray(layer(query, value)), first)
    assert not np.allclose(np.asarray(layer(query, value, training=True)), first)


def test_functional_transformer_block_fits(rng):
    tokens = kerax.Input((4, 6))
    attended, scores = MultiHeadAttention(num_heads=2, key_dim=3)(
        query=tokens, value=tokens, use_causal_mask=True, return_attention_scores=True)
    assert attended.shape == (None, 4, 6) and scores.shape == (None, 2, 4, 4)
    x = LayerNormalization()(Add()([tokens, attended]))
    model = kerax.Model(tokens, layers.Dense(1)(layers.Flatten()(x)))
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(rng.normal(size=(4, 4, 6)), rng.normal(size=(4, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])


def test_subclassed_and_sequential_use(rng):
    class Block(kerax.Model):
        def __init__(self):
            super().__init__()
            self.attention = MultiHeadAttention(num_heads=2, key_dim=2)

        def call(self, inputs):
            return self.attention(inputs, inputs)

    block = Block()
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    y = np.asarray(block(x))
    np.testing.assert_allclose(y, numpy_mha(x, x, block.attention.get_weights(), 2)[0], rtol=1e-4, atol=1e-4)
    assert len(block.trainable_weights) == 8


def test_config_round_trip_and_errors():
    layer = MultiHeadAttention(num_heads=4, key_dim=8, value_dim=6, dropout=0.1, use_bias=False,
                               output_shape=(5,), attention_axes=(1,), kernel_initializer="he_normal",
                               kernel_regularizer=kerax.regularizers.l2(0.01), seed=3, name="mha")
    config = layer.get_config()
    assert config["num_heads"] == 4 and config["value_dim"] == 6 and config["output_shape"] == [5]
    assert MultiHeadAttention.from_config(config).get_config() == config
    tf2_config = {**config, "query_shape": [None, 3, 4], "key_shape": None, "value_shape": [None, 5, 4]}
    assert MultiHeadAttention.from_config(tf2_config).get_config() == config
    with pytest.raises(ValueError, match="num_heads"):
        MultiHeadAttention(num_heads=0, key_dim=2)
    with pytest.raises(ValueError, match=r"value_shape=\(2, 5, 6\) and key_shape=\(2, 4, 6\)"):
        MultiHeadAttention(2, 2)(np.zeros((2, 3, 6), "float32"), np.zeros((2, 5, 6), "float32"),
                                 np.zeros((2, 4, 6), "float32"))


def test_functional_model_passes_the_embedding_mask_as_query_and_value_masks():
    rng = np.random.default_rng(3)
    ids = np.array([[3, 1, 4, 0, 0], [2, 7, 1, 8, 0]])
    inputs = kerax.Input((5,), dtype="int32")
    embedded = layers.Embedding(10, 4, mask_zero=True)(inputs)
    attention = MultiHeadAttention(num_heads=2, key_dim=3)
    model = kerax.Model(inputs, attention(embedded, embedded))
    weights = random_weights(attention, rng)
    table = model.layers[1].get_weights()[0]
    keep = ids != 0
    expected, _ = numpy_mha(table[ids], table[ids], weights, 3, mask=keep[:, :, None] & keep[:, None, :])
    unmasked, _ = numpy_mha(table[ids], table[ids], weights, 3)
    got = np.asarray(model.predict(ids, verbose=0))
    np.testing.assert_allclose(got[keep], expected[keep], rtol=1e-4, atol=1e-5)
    assert not np.allclose(got[keep], unmasked[keep], atol=1e-3)  # the mask changed the result
