"""Accuracy functions and metrics against NumPy and Keras's documented examples; 'accuracy' resolution."""
import numpy as np
import pytest

from kerax import losses, metrics

rng = np.random.default_rng(0)
SCORES = rng.uniform(size=(8, 5)).astype("float32")
LABELS = rng.integers(0, 5, size=8)
ONE_HOT = np.eye(5, dtype="float32")[LABELS]


def np_in_top_k(labels, scores, k):
    """Ties count as in the top k, as in TensorFlow."""
    target = scores[np.arange(len(labels)), labels]
    return ((scores > target[:, None]).sum(-1) < k).astype("float32")


def test_functions_against_numpy():
    correct = SCORES.argmax(-1) == LABELS
    np.testing.assert_array_equal(metrics.categorical_accuracy(ONE_HOT, SCORES), correct)
    np.testing.assert_array_equal(metrics.sparse_categorical_accuracy(LABELS, SCORES), correct)
    float_labels = LABELS[:, None].astype("float32")
    np.testing.assert_array_equal(metrics.sparse_categorical_accuracy(float_labels, SCORES), correct)
    for k in (1, 3):
        expected = np_in_top_k(LABELS, SCORES, k)
        np.testing.assert_array_equal(metrics.top_k_categorical_accuracy(ONE_HOT, SCORES, k=k), expected)
        got = metrics.sparse_top_k_categorical_accuracy(LABELS, SCORES, k=k)
        np.testing.assert_array_equal(got, expected)
    binary_true = (SCORES[::-1] > 0.3).astype("float32")
    np.testing.assert_allclose(metrics.binary_accuracy(binary_true, SCORES, threshold=0.6),
                               (binary_true == (SCORES > 0.6)).mean(-1))
    np.testing.assert_array_equal(metrics.binary_accuracy(LABELS == 2, SCORES[:, :1]),
                                  (LABELS == 2) == (SCORES[:, 0] > 0.5))
    rounded = np.round(SCORES)
    np.testing.assert_allclose(metrics.accuracy(ONE_HOT, rounded), (ONE_HOT == rounded).mean(-1))


def test_sequence_labels_give_one_value_per_step():
    scores, labels = SCORES.reshape(2, 4, 5), LABELS.reshape(2, 4)
    np.testing.assert_array_equal(metrics.sparse_categorical_accuracy(labels, scores),
                                  scores.argmax(-1) == labels)
    np.testing.assert_array_equal(metrics.sparse_top_k_categorical_accuracy(labels, scores, k=3),
                                  np_in_top_k(LABELS, SCORES, 3).reshape(2, 4))


# (metric, y_true, y_pred, sample_weight, documented result, documented weighted result)
DOCUMENTED = [
    (metrics.Accuracy(), [[1], [2], [3], [4]], [[0], [2], [3], [4]], [1, 1, 0, 0], 0.75, 0.5),
    (metrics.BinaryAccuracy(), [[1], [1], [0], [0]], [[0.98], [1], [0], [0.6]], [1, 0, 0, 1], 0.75, 0.5),
    (metrics.CategoricalAccuracy(), [[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], [0.7, 0.3],
     0.5, 0.3),
    (metrics.SparseCategoricalAccuracy(), [[2], [1]], [[0.1, 0.6, 0.3], [0.05, 0.95, 0]], [0.7, 0.3],
     0.5, 0.3),
    (metrics.TopKCategoricalAccuracy(k=1), [[0, 0, 1], [0, 1, 0]], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]],
     [0.7, 0.3], 0.5, 0.3),
    (metrics.SparseTopKCategoricalAccuracy(k=1), [2, 1], [[0.1, 0.9, 0.8], [0.05, 0.95, 0]], [0.7, 0.3],
     0.5, 0.3),
]


@pytest.mark.parametrize("case", DOCUMENTED, ids=lambda c: type(c[0]).__name__)
def test_documented_examples(case):
    metric, y_true, y_pred, weights, plain, weighted = case
    metric.update_state(y_true, y_pred)
    np.testing.assert_allclose(metric.result(), plain, rtol=1e-6)
    metric.reset_state()
    metric.update_state(y_true, y_pred, sample_weight=weights)
    np.testing.assert_allclose(metric.result(), weighted, rtol=1e-6)


def test_accumulates_over_batches_with_weights():
    m = metrics.SparseCategoricalAccuracy()
    weights, weights2 = rng.uniform(size=8), rng.uniform(size=8)
    m.update_state(LABELS, SCORES, sample_weight=weights)
    m.update_state(LABELS[:, None], SCORES[::-1], sample_weight=weights2[:, None])
    correct, correct2 = SCORES.argmax(-1) == LABELS, SCORES[::-1].argmax(-1) == LABELS
    expected = ((correct * weights).sum() + (correct2 * weights2).sum()) / (weights.sum() + weights2.sum())
    np.testing.assert_allclose(m.result(), expected, rtol=1e-5)
    assert m.name == "sparse_categorical_accuracy"


@pytest.mark.parametrize("loss, y_true, y_pred, expected", [
    ("categorical_crossentropy", (None, 10), (None, 10), "categorical_accuracy"),
    (losses.CategoricalCrossentropy(from_logits=True), (None, 10), (None, 10), "categorical_accuracy"),
    (losses.categorical_crossentropy, (None, 10), (None, 10), "categorical_accuracy"),
    ("sparse_categorical_crossentropy", (None, 1), (None, 10), "sparse_categorical_accuracy"),
    (losses.SparseCategoricalCrossentropy, (None,), (None, 10), "sparse_categorical_accuracy"),
    ("binary_crossentropy", (None, 3), (None, 3), "binary_accuracy"),
    ("mse", (None, 1), (None, 1), "binary_accuracy"),
    ("mse", (None,), (None, 10), "sparse_categorical_accuracy"),
    ("mse", (None, 1), (None, 10), "sparse_categorical_accuracy"),
    ("mse", (None, 10), (None, 10), "categorical_accuracy"),
    (lambda y_true, y_pred: y_pred, (None, 4, 1), (None, 4, 7), "sparse_categorical_accuracy"),
])
def test_resolve_accuracy(loss, y_true, y_pred, expected):
    assert metrics.resolve_accuracy(loss, y_true, y_pred) is getattr(metrics, expected)


def test_resolve_accuracy_binary_hint_and_crossentropy():
    hinted = metrics.resolve_accuracy("mse", (None, 10), (None, 10), is_binary_hint=True)
    assert hinted is metrics.binary_accuracy
    assert metrics.resolve_crossentropy(None, (None,), (None, 4)) is losses.sparse_categorical_crossentropy
    assert metrics.resolve_crossentropy(None, (None, 1), (None, 1)) is losses.binary_crossentropy
    assert metrics.resolve_crossentropy(None, (None, 4), (None, 4)) is losses.categorical_crossentropy
