"""A single sigmoid output (predictions (n, 1)) with labels (n,) or (n, 1): every confusion metric, the
accuracy and crossentropy metrics and the loss, through `fit`, against NumPy counts. With a learning rate of
0 the predictions stay those of `predict`, so each epoch value is a plain formula of them."""
import numpy as np
import pytest

import kerax
from kerax import metrics

N, BATCH = 10, 4  # a last batch of 2: padded and masked by fit
THRESHOLDS = np.array([-1e-7] + [(i + 1) / 199 for i in range(198)] + [1 + 1e-7])


def _counts(labels, scores, weights, threshold):
    above, positive = scores > threshold, labels != 0
    return {"tp": np.sum(weights * (above & positive)), "fp": np.sum(weights * (above & ~positive)),
            "tn": np.sum(weights * (~above & ~positive)), "fn": np.sum(weights * (~above & positive))}


def _roc_auc(labels, scores, weights):
    """Riemann sum of the ROC curve at Keras's 200 default thresholds, trapezoids between them."""
    tpr, fpr = [], []
    for t in THRESHOLDS:
        c = _counts(labels, scores, weights, t)
        tpr.append(c["tp"] / (c["tp"] + c["fn"]))
        fpr.append(c["fp"] / (c["fp"] + c["tn"]))
    tpr, fpr = np.array(tpr), np.array(fpr)
    return np.sum((fpr[:-1] - fpr[1:]) * (tpr[:-1] + tpr[1:]) / 2)


def _expected(labels, scores, weights):
    c = _counts(labels, scores, weights, 0.5)
    p = np.clip(scores, 1e-7, 1 - 1e-7)
    crossentropy = -(labels * np.log(p) + (1 - labels) * np.log(1 - p))
    return {
        "true_positives": c["tp"], "false_positives": c["fp"], "true_negatives": c["tn"],
        "false_negatives": c["fn"], "precision": c["tp"] / (c["tp"] + c["fp"]),
        "recall": c["tp"] / (c["tp"] + c["fn"]), "auc": _roc_auc(labels, scores, weights),
        "accuracy": np.sum(weights * ((scores > 0.5) == labels)) / np.sum(weights),
        "binary_crossentropy": np.sum(weights * crossentropy) / np.sum(weights),
        "mean_squared_error": np.sum(weights * (labels - scores) ** 2) / np.sum(weights),
        "loss": np.sum(weights * crossentropy) / N,  # sum over batch size: weights are not normalised
    }


@pytest.mark.parametrize("label_shape, weighted", [((N,), False), ((N, 1), False), ((N,), True)],
                         ids=["labels_n", "labels_n_1", "labels_n_sample_weight"])
def test_confusion_and_accuracy_metrics_in_fit(label_shape, weighted, rng):
    model = kerax.Sequential([kerax.Input((3,)), kerax.layers.Dense(1, activation="sigmoid")])
    model.layers[0].set_weights([np.array([[2.0], [-2.0], [1.0]]), np.zeros(1)])
    every_metric = [
        metrics.TruePositives(), metrics.FalsePositives(), metrics.TrueNegatives(), metrics.FalseNegatives(),
        metrics.Precision(), metrics.Recall(), metrics.AUC(), "accuracy", metrics.BinaryCrossentropy(),
        metrics.MeanSquaredError(),
    ]
    kind = "weighted_metrics" if weighted else "metrics"  # Keras weighs only `weighted_metrics` and the loss
    model.compile(optimizer=kerax.optimizers.SGD(learning_rate=0.0), loss="binary_crossentropy",
                  **{kind: every_metric})
    x = rng.normal(size=(N, 3)).astype("float32")
    labels = (rng.uniform(size=N) > 0.5).astype("float32")
    weights = rng.uniform(0.5, 2.0, size=N) if weighted else np.ones(N)
    history = model.fit(x, labels.reshape(label_shape), sample_weight=weights if weighted else None,
                        batch_size=BATCH, verbose=0)
    scores = model.predict(x, verbose=0)
    assert scores.shape == (N, 1)
    for name, value in _expected(labels, scores[:, 0].astype("float64"), weights).items():
        np.testing.assert_allclose(history.history[name][0], value, rtol=1e-5, atol=1e-6, err_msg=name)


def test_confusion_metric_update_with_per_sample_weights_and_column_predictions():
    """The root cause: weights (n,) against predictions (n, 1) broadcast to (n, n) entries."""
    labels, scores = np.array([1.0, 0.0, 1.0, 1.0]), np.array([[0.9], [0.8], [0.2], [0.7]])
    weights = np.array([1.0, 2.0, 3.0, 4.0])
    metric = metrics.FalseNegatives()
    metric.update_state(labels, scores, sample_weight=weights)
    assert float(metric.result()) == 3.0
