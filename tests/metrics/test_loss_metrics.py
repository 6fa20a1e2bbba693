"""Running means of the loss functions, RMSE and cosine similarity: Keras's documented values and NumPy."""
import numpy as np
import pytest

from kerax import metrics

Y_TRUE = [[0.0, 1.0], [0.0, 0.0]]
Y_PROB = [[0.6, 0.4], [0.4, 0.6]]
Y_BIN = [[1.0, 1.0], [0.0, 0.0]]
CCE_TRUE, CCE_PRED = [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]

# (metric, y_true, y_pred, sample_weight, documented result, documented weighted result)
DOCUMENTED = [
    (metrics.MeanSquaredError(), Y_TRUE, Y_BIN, [1, 0], 0.25, 0.5),
    (metrics.MeanAbsoluteError(), Y_TRUE, Y_BIN, [1, 0], 0.25, 0.5),
    (metrics.MeanAbsolutePercentageError(), Y_TRUE, Y_BIN, [1, 0], 250000000.0, 500000000.0),
    (metrics.MeanSquaredLogarithmicError(), Y_TRUE, Y_BIN, [1, 0], 0.12011322, 0.24022643),
    (metrics.RootMeanSquaredError(), Y_TRUE, Y_BIN, [1, 0], 0.5, 0.70710677),
    (metrics.LogCoshError(), Y_TRUE, Y_BIN, [1, 0], 0.10844523, 0.21689045),
    (metrics.CosineSimilarity(axis=1), [[0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [1.0, 1.0]], [0.3, 0.7],
     0.49999997, 0.6999999),
    (metrics.BinaryCrossentropy(), Y_TRUE, Y_PROB, [1, 0], 0.81492424, 0.9162905),
    (metrics.CategoricalCrossentropy(), CCE_TRUE, CCE_PRED, [0.3, 0.7], 1.1769392, 1.6271976),
    (metrics.SparseCategoricalCrossentropy(), [1, 2], CCE_PRED, [0.3, 0.7], 1.1769392, 1.6271976),
    (metrics.KLDivergence(), Y_TRUE, Y_PROB, [1, 0], 0.45814306, 0.9162892),
    (metrics.Poisson(), Y_TRUE, Y_BIN, [1, 0], 0.49999997, 0.99999994),
    (metrics.Hinge(), Y_TRUE, Y_PROB, [1, 0], 1.3, 1.1),
    (metrics.SquaredHinge(), Y_TRUE, Y_PROB, [1, 0], 1.86, 1.46),
    (metrics.CategoricalHinge(), Y_TRUE, Y_PROB, [1, 0], 1.4000001, 1.2),
]


@pytest.mark.parametrize("case", DOCUMENTED, ids=lambda c: type(c[0]).__name__)
def test_documented_examples(case):
    metric, y_true, y_pred, weights, plain, weighted = case
    metric.update_state(y_true, y_pred)
    np.testing.assert_allclose(metric.result(), plain, rtol=1e-5)
    metric.reset_state()
    metric.update_state(y_true, y_pred, sample_weight=weights)
    np.testing.assert_allclose(metric.result(), weighted, rtol=1e-5)


def test_weighted_accumulation_against_numpy():
    rng = np.random.default_rng(3)
    y_true, y_pred, weights = rng.normal(size=(3, 4, 2)), rng.normal(size=(3, 4, 2)), rng.uniform(size=(3, 4))
    mse, rmse = metrics.MeanSquaredError(), metrics.RootMeanSquaredError()
    for batch in range(3):
        mse.update_state(y_true[batch], y_pred[batch], sample_weight=weights[batch])
        rmse.update_state(y_true[batch], y_pred[batch], sample_weight=weights[batch][:, None])
    per_sample = ((y_true - y_pred) ** 2).mean(-1)
    np.testing.assert_allclose(mse.result(), (per_sample * weights).sum() / weights.sum(), rtol=1e-5)
    weighted_mean = (per_sample * weights).sum() / weights.sum()
    np.testing.assert_allclose(rmse.result(), np.sqrt(weighted_mean), rtol=1e-5)


def test_crossentropy_metric_with_logits():
    logits = np.array([[1.0, -2.0, 0.5], [0.3, 0.2, -1.0]], "float32")
    labels = np.array([2, 0])
    log_probs = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    m = metrics.SparseCategoricalCrossentropy(from_logits=True)
    np.testing.assert_allclose(m(labels, logits), -log_probs[[0, 1], labels].mean(), rtol=1e-5)
