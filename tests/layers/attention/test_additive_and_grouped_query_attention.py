"""AdditiveAttention and GroupedQueryAttention (Keras's GroupQueryAttention) against NumPy loops, with masks,
Keras's weight names and shapes, in models, through configs and `.keras` files, and trained once together."""
import numpy as np
import pytest

import kerax
from kerax import layers

RNG = np.random.default_rng(11)
Q = RNG.normal(size=(2, 3, 4)).astype("float32")
V = RNG.normal(size=(2, 5, 4)).astype("float32")
K = RNG.normal(size=(2, 5, 4)).astype("float32")


def np_softmax(x, keep=None, zero_masked=False):
    if keep is not None:
        x = np.where(keep, x, -1e9)
    e = np.exp(x - x.max(-1, keepdims=True))
    p = e / e.sum(-1, keepdims=True)
    return p * keep if zero_masked else p


def np_additive(layer, inputs, value_mask=None, query_mask=None):
    q, v = inputs[0], inputs[1]
    k = inputs[2] if len(inputs) > 2 else v
    scale = layer.get_weights()[0] if layer.use_scale else np.ones(q.shape[-1])
    scores = np.zeros((q.shape[0], q.shape[1], k.shape[1]))
    for b in range(q.shape[0]):
        for i in range(q.shape[1]):
            for j in range(k.shape[1]):
                scores[b, i, j] = np.sum(scale * np.tanh(q[b, i] + k[b, j]))
    weights = np_softmax(scores, None if value_mask is None else value_mask[:, None, :])
    out = weights @ v
    return (out if query_mask is None else out * query_mask[..., None]).astype("float32")


def np_gqa(layer, inputs, keep=None, gate=False):
    query, value = inputs[0], inputs[1]
    key = inputs[2] if len(inputs) > 2 else value
    weights = {w.path.split("/", 1)[1]: w.numpy() for w in layer.weights}

    def project(x, name):
        return np.einsum("btm,mhd->bthd", x, weights[f"{name}/kernel"]) + weights[f"{name}/bias"]

    q, k, v = project(query, "query"), project(key, "key"), project(value, "value")
    group = layer.num_query_heads // layer.num_key_value_heads
    heads = np.zeros(q.shape)
    for b in range(q.shape[0]):
        for h in range(layer.num_query_heads):
            scores = q[b, :, h] @ k[b, :, h // group].T / np.sqrt(layer.head_dim)
            # Keras's Softmax layer: masked positions get 0, also in fully masked rows.
            probabilities = np_softmax(scores, None if keep is None else keep[b],
                                       zero_masked=keep is not None)
            heads[b, :, h] = probabilities @ v[b, :, h // group]
    if gate:
        heads = heads / (1 + np.exp(-project(query, "gate")))
    out = np.einsum("bthd,hdm->btm", heads,
                    weights["attention_output/kernel"]) + weights["attention_output/bias"]
    return out.astype("float32")


CASES = {
    "additive": dict(make=layers.AdditiveAttention, inputs=[Q, V], reference=np_additive, sequential=False),
    "additive_key_no_scale": dict(make=lambda: layers.AdditiveAttention(use_scale=False), inputs=[Q, V, K],
                                  reference=np_additive, sequential=False),
    "gqa": dict(make=lambda: layers.GroupQueryAttention(head_dim=3, num_query_heads=4, num_key_value_heads=2),
                inputs=(Q, V), reference=np_gqa, sequential=False, atol=1e-4),
    "gqa_key_gate": dict(make=lambda: layers.GroupedQueryAttention(2, 2, 1, use_gate=True), inputs=(Q, V, K),
                         reference=lambda layer, x: np_gqa(layer, x, gate=True), sequential=False, atol=1e-4),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_additive_masks():
    layer = layers.AdditiveAttention()
    value_mask = np.array([[1, 1, 0, 1, 0], [1, 0, 0, 0, 0]], bool)
    query_mask = np.array([[1, 0, 1], [1, 1, 1]], bool)
    out = layer([Q, V], mask=[query_mask, value_mask])
    np.testing.assert_allclose(out, np_additive(layer, [Q, V], value_mask, query_mask), atol=1e-5)
    assert list(layer.get_config()) == ["name", "trainable", "dtype", "use_scale", "dropout", "seed"]
    assert [(w.name, w.shape) for w in layer.weights] == [("scale", (4,))]


def test_gqa_masks_causal_and_sliding_window():
    layer = layers.GroupQueryAttention(head_dim=2, num_query_heads=2, num_key_value_heads=1, sliding_window=2)
    q = RNG.normal(size=(2, 4, 4)).astype("float32")
    value_mask = np.array([[1, 1, 1, 0], [1, 1, 1, 1]], bool)
    out, scores = layer(q, q, value_mask=value_mask, use_causal_mask=True, return_attention_scores=True)
    i, j = np.arange(4)[:, None], np.arange(4)[None, :]
    keep = (j <= i) & (np.abs(i - j) < 2) & value_mask[:, None, :]
    np.testing.assert_allclose(out, np_gqa(layer, (q, q), keep), atol=1e-4)
    assert scores.shape == (2, 2, 4, 4)
    np.testing.assert_allclose(np.asarray(scores)[np.broadcast_to(~keep[:, None], scores.shape)], 0.0)


def test_gqa_functional_masks_and_weights():
    tokens = kerax.Input((4,), dtype="int32")
    embedded = layers.Embedding(7, 4, mask_zero=True)(tokens)
    gqa = layers.GroupQueryAttention(head_dim=2, num_query_heads=2, num_key_value_heads=1)
    model = kerax.Model(tokens, gqa(embedded, embedded))
    ids = np.array([[1, 2, 0, 0], [3, 4, 5, 6]])
    keep = np.broadcast_to((ids != 0)[:, None, :], (2, 4, 4))
    x = model.layers[1](ids)
    np.testing.assert_allclose(model(ids),
                               np_gqa(gqa, (np.asarray(x), np.asarray(x)), keep & (ids != 0)[:, :, None]),
                               atol=1e-4)
    assert [(w.path, w.shape) for w in gqa.weights] == [
        ("grouped_query_attention/query/kernel", (4, 2, 2)), ("grouped_query_attention/query/bias", (2, 2)),
        ("grouped_query_attention/key/kernel", (4, 1, 2)), ("grouped_query_attention/key/bias", (1, 2)),
        ("grouped_query_attention/value/kernel", (4, 1, 2)), ("grouped_query_attention/value/bias", (1, 2)),
        ("grouped_query_attention/attention_output/kernel", (2, 2, 4)),
        ("grouped_query_attention/attention_output/bias", (4,))]


def test_gqa_errors_and_name():
    assert layers.GroupQueryAttention is layers.GroupedQueryAttention
    with pytest.raises(ValueError, match=r"`num_query_heads` must be divisible by `num_key_value_heads`"):
        layers.GroupQueryAttention(2, 3, 2)
    with pytest.raises(ValueError, match=r"`sliding_window` must be None or a positive integer"):
        layers.GroupQueryAttention(2, 2, 1, sliding_window=0)
    with pytest.raises(ValueError, match=r"all dimensions of `value` and `key`, except the last one"):
        layers.GroupQueryAttention(2, 2, 1)(Q, V, key=Q)


def test_fit_under_compilation(rng):
    query, value = kerax.Input((3, 4)), kerax.Input((5, 4))
    attended = layers.GroupQueryAttention(2, 2, 1, use_gate=True)(query, value)
    additive = layers.AdditiveAttention()([attended, value])
    model = kerax.Model([query, value], layers.Dense(1)(layers.Flatten()(additive)))
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()
    history = model.fit([rng.normal(size=(4, 3, 4)), rng.normal(size=(4, 5, 4))], rng.normal(size=(4, 1)),
                        batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    unchanged = [w.path for w, a in zip(model.weights, before) if np.allclose(a, w.numpy())]
    assert unchanged == ["grouped_query_attention/key/bias"]  # softmax ignores a shift shared by all keys
