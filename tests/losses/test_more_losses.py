"""CategoricalFocalCrossentropy, Dice, Tversky, Circle and CategoricalGeneralizedCrossEntropy: Keras's
documented numbers, NumPy formulas, configs, lookup by name and use in `fit`."""
import json

import numpy as np
import pytest

import kerax
from kerax import layers, losses, metrics


def np_softplus(x):
    return np.logaddexp(0.0, x)


def np_focal(y_true, y_pred, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0):
    y_true, y_pred = np.asarray(y_true, "float64"), np.asarray(y_pred, "float64")
    if label_smoothing:
        y_true = y_true * (1 - label_smoothing) + label_smoothing / y_true.shape[-1]
    if from_logits:
        y_pred = np.exp(y_pred) / np.exp(y_pred).sum(-1, keepdims=True)
    p = np.clip(y_pred / y_pred.sum(-1, keepdims=True), 1e-7, 1 - 1e-7)
    return (np.asarray(alpha) * (1 - p) ** gamma * -y_true * np.log(p)).sum(-1)


def test_categorical_focal_documented_examples():
    y_true, y_pred = [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]
    np.testing.assert_allclose(losses.CategoricalFocalCrossentropy()(y_true, y_pred), 0.23315276, rtol=1e-5)
    np.testing.assert_allclose(
        losses.CategoricalFocalCrossentropy()(y_true, y_pred, sample_weight=np.array([0.3, 0.7])), 0.1632,
        atol=1e-4)
    np.testing.assert_allclose(losses.CategoricalFocalCrossentropy(reduction="sum")(y_true, y_pred), 0.46631,
                               atol=1e-5)
    np.testing.assert_allclose(losses.CategoricalFocalCrossentropy(reduction=None)(y_true, y_pred),
                               [3.2058331e-05, 4.6627346e-01], rtol=1e-4)
    np.testing.assert_allclose(
        losses.categorical_focal_crossentropy([[0, 1, 0], [0, 0, 1]], [[0.05, 0.9, 0.05], [0.1, 0.85, 0.05]]),
        [2.63401289e-04, 6.75912094e-01], rtol=1e-4)


@pytest.mark.parametrize("kwargs", [
    {"from_logits": True}, {"label_smoothing": 0.2}, {"alpha": [0.2, 0.5, 0.3], "gamma": 1.0}])
def test_categorical_focal_matches_numpy(kwargs, rng):
    y_true = np.eye(3)[rng.integers(0, 3, size=6)].astype("float32")
    y_pred = rng.uniform(0.05, 1.0, size=(6, 3)).astype("float32")
    np.testing.assert_allclose(losses.categorical_focal_crossentropy(y_true, y_pred, **kwargs),
                               np_focal(y_true, y_pred, **kwargs), rtol=1e-5)
    assert metrics.categorical_focal_crossentropy is losses.categorical_focal_crossentropy
    assert metrics.binary_focal_crossentropy is losses.binary_focal_crossentropy


SEGMENT_TRUE = [[[[1.0], [1.0]], [[0.0], [0.0]]], [[[1.0], [1.0]], [[0.0], [0.0]]]]
SEGMENT_PRED = [[[[0.0], [1.0]], [[0.0], [1.0]]], [[[0.4], [0.0]], [[0.0], [0.9]]]]


def test_dice_documented_examples():
    np.testing.assert_allclose(losses.Dice(axis=(1, 2, 3), reduction=None)(SEGMENT_TRUE, SEGMENT_PRED),
                               [0.5, 0.75757575], rtol=1e-6)
    assert np.shape(losses.Dice()(SEGMENT_TRUE, SEGMENT_PRED)) == ()
    np.testing.assert_allclose(losses.Dice()(SEGMENT_TRUE, SEGMENT_PRED), 0.6164384, rtol=1e-6)
    np.testing.assert_allclose(losses.dice(SEGMENT_TRUE, SEGMENT_PRED, axis=(1, 2, 3)), [0.5, 0.75757575],
                               rtol=1e-6)


def test_tversky_matches_numpy_and_equals_dice_at_one_half(rng):
    t = (rng.uniform(size=(3, 4, 4)) > 0.5).astype("float32")
    p = rng.uniform(size=(3, 4, 4)).astype("float32")
    tp, fp, fn = (t * p).sum((1, 2)), (t * (1 - p)).sum((1, 2)), ((1 - t) * p).sum((1, 2))
    expected = 1 - tp / (tp + 0.3 * fp + 0.7 * fn + 1e-7)
    np.testing.assert_allclose(losses.tversky(t, p, alpha=0.3, beta=0.7, axis=(1, 2)), expected, rtol=1e-5)
    np.testing.assert_allclose(losses.Tversky(alpha=0.3, beta=0.7, axis=(1, 2))(t, p), expected.mean(),
                               rtol=1e-5)
    np.testing.assert_allclose(losses.tversky(t, p), losses.dice(t, p), rtol=1e-5)


def np_circle(labels, embeddings, gamma=80.0, margin=0.4):
    n = len(labels)
    distances = np.maximum(1 - embeddings @ embeddings.T, 0)
    out = np.zeros(n)
    for i in range(n):
        pos = [j for j in range(n) if labels[j] == labels[i] and j != i]
        neg = [j for j in range(n) if labels[j] != labels[i]]
        d_p, d_n = distances[i, pos], distances[i, neg]
        pos_terms = -gamma * np.maximum(margin + d_p, 0) * (margin - d_p)
        neg_terms = gamma * np.maximum(1 + margin - d_n, 0) * (1 - margin - d_n)
        lse = [np.log(np.exp(t).sum()) if len(t) else -np.inf for t in (pos_terms, neg_terms)]
        out[i] = np_softplus(lse[0] + lse[1])
    return out


def test_circle_matches_numpy_and_averages_positive_losses_only(rng):
    embeddings = rng.normal(size=(6, 4))
    embeddings /= np.linalg.norm(embeddings, axis=1, keepdims=True)
    labels = np.array([0, 0, 1, 1, 2, 3])  # samples 4 and 5 have no positive: their loss is 0
    expected = np_circle(labels, embeddings, gamma=4.0)
    values = np.asarray(losses.circle(labels, embeddings.astype("float32"), gamma=4.0))
    np.testing.assert_allclose(values, expected, rtol=1e-4)
    assert values[4] == 0 and values[5] == 0
    loss = losses.Circle(gamma=4.0)(labels, embeddings.astype("float32"))
    np.testing.assert_allclose(loss, expected[:4].mean(), rtol=1e-4)


def test_generalized_cross_entropy_matches_numpy():
    y_true = np.array([0, 1, 0, 1])
    y_pred = np.array([[0.7, 0.3], [0.2, 0.8], [0.6, 0.4], [0.4, 0.6]], "float32")
    p = y_pred[np.arange(4), y_true]
    np.testing.assert_allclose(losses.CategoricalGeneralizedCrossEntropy()(y_true, y_pred),
                               np.mean((1 - np.sqrt(p)) / 0.5), rtol=1e-6)
    np.testing.assert_allclose(losses.categorical_generalized_cross_entropy(y_true[:, None], y_pred, q=0.7),
                               (1 - p**0.7) / 0.7, rtol=1e-6)
    with pytest.raises(ValueError, match=r"q must be in the interval \(0, 1\)"):
        losses.CategoricalGeneralizedCrossEntropy(q=1.5)


@pytest.mark.parametrize("loss", [
    losses.CategoricalFocalCrossentropy(alpha=0.5, gamma=1.0, from_logits=True), losses.Dice(axis=[1, 2]),
    losses.Tversky(alpha=0.2, beta=0.8), losses.Circle(gamma=10.0, margin=0.1, remove_diagonal=False),
    losses.CategoricalGeneralizedCrossEntropy(q=0.3)], ids=lambda loss: type(loss).__name__)
def test_config_round_trip(loss):
    config = json.loads(json.dumps(losses.serialize(loss)))
    rebuilt = losses.deserialize(config)
    assert type(rebuilt) is type(loss)
    assert rebuilt.get_config() == loss.get_config()


def test_names_resolve_as_in_keras():
    for name in ("categorical_focal_crossentropy", "dice", "tversky", "circle",
                 "categorical_generalized_cross_entropy"):
        assert losses.get(name) is getattr(losses, name)
    assert isinstance(losses.get("CategoricalFocalCrossentropy"), losses.CategoricalFocalCrossentropy)
    assert isinstance(losses.get("Dice"), losses.Dice)


def test_dice_and_circle_train_in_fit(rng):
    x = rng.normal(size=(32, 4)).astype("float32")
    y = (x[:, :1] > 0).astype("float32")
    model = kerax.Sequential([layers.Input((4,)), layers.Dense(1, activation="sigmoid")])
    model.compile(kerax.optimizers.SGD(0.5), loss="dice")
    history = model.fit(x, y, batch_size=8, epochs=4, shuffle=False, verbose=0).history["loss"]
    assert history[-1] < history[0]
    labels = rng.integers(0, 3, size=32)
    embedder = kerax.Sequential([layers.Input((4,)), layers.Dense(3)])
    embedder.compile(kerax.optimizers.SGD(0.01), loss=losses.Circle(gamma=2.0))
    history = embedder.fit(x, labels, batch_size=16, epochs=4, verbose=0, shuffle=False).history["loss"]
    assert np.all(np.isfinite(history)) and history[-1] < history[0]
