"""Confusion counts, Precision, Recall and AUC against NumPy and Keras's documented examples."""
import numpy as np
import pytest

from kerax import backend, metrics
from kerax.metrics.confusion_counts import confusion_counts

rng = np.random.default_rng(0)
LABELS = (rng.uniform(size=(40, 3)) > 0.6).astype("float32")
SCORES = np.clip(LABELS * 0.3 + rng.uniform(size=(40, 3)) * 0.7, 0, 1).astype("float32")
# Scores exactly on AUC thresholds (of 5 or 9) and outside [0, 1] must be counted as the comparison says.
SCORES[:3] = [[0.25, 0.5, 0.75], [0.0, 1.0, -0.5], [1.5, 1e-8, 0.9999999]]
WEIGHTS = rng.uniform(size=40).astype("float32")


def np_counts(labels, scores, thresholds, weights, axis=None):
    """tp, fp, tn, fn per threshold: a prediction is positive when score > threshold."""
    thresholds = np.asarray(thresholds, "float32").reshape((-1,) + (1,) * scores.ndim)
    above = scores[None] > thresholds
    positive = labels[None] != 0
    sum_ = lambda x: (x * weights).sum(axis=tuple(range(1, x.ndim)) if axis is None else 1)  # noqa: E731
    return {"tp": sum_(above & positive), "fp": sum_(above & ~positive),
            "tn": sum_(~above & ~positive), "fn": sum_(~above & positive)}


def auc_thresholds(n):
    return [-1e-7] + [(i + 1) / (n - 1) for i in range(n - 2)] + [1 + 1e-7]


def np_auc(c, curve="ROC", summation="interpolation"):
    tp, fp, tn, fn = (c[k].astype("float64") for k in ("tp", "fp", "tn", "fn"))
    div = lambda a, b: np.where(b == 0, 0.0, a / np.where(b == 0, 1, b))  # noqa: E731
    if curve == "PR" and summation == "interpolation":
        p = tp + fp
        dtp, dp = tp[:-1] - tp[1:], p[:-1] - p[1:]
        slope = div(dtp, np.maximum(dp, 0))
        intercept = tp[1:] - slope * p[1:]
        ratio = np.where((p[:-1] > 0) & (p[1:] > 0), div(p[:-1], np.maximum(p[1:], 0)), 1.0)
        return div(slope * (dtp + intercept * np.log(ratio)), np.maximum(tp[1:] + fn[1:], 0)).sum(0)
    x, y = (div(fp, fp + tn), div(tp, tp + fn)) if curve == "ROC" else (div(tp, tp + fn), div(tp, tp + fp))
    heights = {"interpolation": (y[:-1] + y[1:]) / 2, "minoring": np.minimum(y[:-1], y[1:]),
               "majoring": np.maximum(y[:-1], y[1:])}[summation]
    return ((x[:-1] - x[1:]) * heights).sum(0)


@pytest.mark.parametrize("evenly_spaced", [False, True])
@pytest.mark.parametrize("multi_label", [False, True])
def test_confusion_counts_against_numpy(evenly_spaced, multi_label):
    thresholds = auc_thresholds(9)
    got = confusion_counts(LABELS, SCORES, thresholds, sample_weight=WEIGHTS, multi_label=multi_label,
                           evenly_spaced=evenly_spaced)
    expected = np_counts(LABELS, SCORES, thresholds, WEIGHTS[:, None], axis=1 if multi_label else None)
    for key in expected:
        np.testing.assert_allclose(got[key], expected[key], rtol=1e-5, atol=1e-4, err_msg=key)


def test_counts_documented_examples():
    for cls, y_true, y_pred in [(metrics.TruePositives, [0, 1, 1, 1], [1, 0, 1, 1]),
                                (metrics.FalsePositives, [0, 1, 0, 0], [0, 0, 1, 1]),
                                (metrics.TrueNegatives, [0, 1, 0, 0], [1, 1, 0, 0]),
                                (metrics.FalseNegatives, [0, 1, 1, 1], [0, 1, 0, 0])]:
        m = cls()
        m.update_state(y_true, y_pred)
        assert float(m.result()) == 2.0
        m.reset_state()
        m.update_state(y_true, y_pred, sample_weight=[0, 0, 1, 0])
        assert float(m.result()) == 1.0


def test_counts_accumulate_at_several_thresholds():
    m = metrics.FalsePositives(thresholds=[0.2, 0.5, 0.8])
    m.update_state(LABELS, SCORES, sample_weight=WEIGHTS)
    m.update_state(LABELS[::-1], SCORES, sample_weight=WEIGHTS[::-1])
    expected = np_counts(np.concatenate([LABELS, LABELS[::-1]]), np.concatenate([SCORES, SCORES]),
                         [0.2, 0.5, 0.8], np.concatenate([WEIGHTS, WEIGHTS[::-1]])[:, None])["fp"]
    np.testing.assert_allclose(m.result(), expected, rtol=1e-5)
    with pytest.raises(ValueError, match=r"Threshold values must be in \[0, 1\]. Received: \[1.5\]"):
        metrics.Precision(thresholds=[0.5, 1.5])


def test_precision_recall_documented_examples():
    for cls in (metrics.Precision, metrics.Recall):
        m = cls()
        m.update_state([0, 1, 1, 1], [1, 0, 1, 1])
        np.testing.assert_allclose(m.result(), 0.6666667, rtol=1e-6)
        m.reset_state()
        m.update_state([0, 1, 1, 1], [1, 0, 1, 1], sample_weight=[0, 0, 1, 0])
        assert float(m.result()) == 1.0
    for k, expected in ((2, 0.0), (4, 0.5)):
        m = metrics.Precision(top_k=k)
        m.update_state([0, 0, 1, 1], [1, 1, 1, 1])
        assert float(m.result()) == expected


def test_precision_recall_against_numpy_with_class_id_and_top_k():
    c = np_counts(LABELS, SCORES, [0.3, 0.6], WEIGHTS[:, None], axis=None)
    precision, recall = metrics.Precision(thresholds=[0.3, 0.6]), metrics.Recall(thresholds=[0.3, 0.6])
    for m in (precision, recall):
        m.update_state(LABELS, SCORES, sample_weight=WEIGHTS)
    np.testing.assert_allclose(precision.result(), c["tp"] / (c["tp"] + c["fp"]), rtol=1e-5)
    np.testing.assert_allclose(recall.result(), c["tp"] / (c["tp"] + c["fn"]), rtol=1e-5)

    c = np_counts(LABELS[:, 1], SCORES[:, 1], [0.5], WEIGHTS)
    m = metrics.Recall(class_id=1)
    m(LABELS, SCORES, sample_weight=WEIGHTS)
    np.testing.assert_allclose(m.result(), c["tp"][0] / (c["tp"][0] + c["fn"][0]), rtol=1e-5)

    top1 = SCORES == SCORES.max(-1, keepdims=True)
    tp = (top1 & (LABELS == 1)).sum()
    m = metrics.Precision(top_k=1)
    m.update_state(LABELS, SCORES)
    np.testing.assert_allclose(m.result(), tp / top1.sum(), rtol=1e-6)


def test_auc_documented_example():
    m = metrics.AUC(num_thresholds=3)
    m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
    np.testing.assert_allclose(m.true_positives.numpy(), [2, 1, 0])
    np.testing.assert_allclose(m.false_positives.numpy(), [2, 0, 0])
    np.testing.assert_allclose(m.result(), 0.75, rtol=1e-6)
    m.reset_state()
    m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9], sample_weight=[1, 0, 0, 1])
    np.testing.assert_allclose(m.result(), 1.0, rtol=1e-6)


@pytest.mark.parametrize("curve, summation", [
    ("ROC", "interpolation"), ("ROC", "minoring"), ("ROC", "majoring"), ("PR", "interpolation"),
    ("PR", "majoring"),
])
def test_auc_accumulates_and_matches_numpy(curve, summation):
    m = metrics.AUC(num_thresholds=9, curve=curve, summation_method=summation)
    m.update_state(LABELS, SCORES, sample_weight=WEIGHTS)
    m.update_state(LABELS[::-1], SCORES, sample_weight=WEIGHTS[::-1])
    both = np_counts(np.concatenate([LABELS, LABELS[::-1]]), np.concatenate([SCORES, SCORES]),
                     auc_thresholds(9), np.concatenate([WEIGHTS, WEIGHTS[::-1]])[:, None])
    expected = np_auc(both, curve, summation)
    np.testing.assert_allclose(m.result(), expected, rtol=1e-5)


def test_auc_with_uneven_thresholds_and_logits():
    probabilities = np.clip(SCORES, 0.01, 0.99)
    logits = np.log(probabilities) - np.log(1 - probabilities)
    m = metrics.AUC(thresholds=[0.1, 0.35, 0.5, 0.9], from_logits=True)
    m.update_state(LABELS, logits)
    thresholds = [-1e-7, 0.1, 0.35, 0.5, 0.9, 1 + 1e-7]
    expected = np_auc(np_counts(LABELS, probabilities, thresholds, 1.0))
    np.testing.assert_allclose(m.result(), expected, rtol=1e-5)
    assert m.num_thresholds == 6


def test_roc_auc_approaches_the_rank_statistic():
    labels, scores = LABELS, np.clip(SCORES + rng.normal(0, 0.1, size=(40, 3)), 0, 1).astype("float32")
    m = metrics.AUC(num_thresholds=1000)
    m.update_state(labels, scores)
    pos, neg = scores[labels == 1], scores[labels == 0]
    mann_whitney = ((pos[:, None] > neg[None]) + 0.5 * (pos[:, None] == neg[None])).mean()
    np.testing.assert_allclose(m.result(), mann_whitney, atol=3e-3)


def test_multi_label_auc_with_label_weights():
    m = metrics.AUC(num_thresholds=9, multi_label=True, label_weights=[1.0, 2.0, 0.5])
    m.update_state(LABELS, SCORES)
    assert m.true_positives.shape == (9, 3) and m.num_labels == 3
    by_label = np_auc(np_counts(LABELS, SCORES, auc_thresholds(9), 1.0, axis=1))
    np.testing.assert_allclose(m.result(), (by_label * [1.0, 2.0, 0.5]).sum() / 3.5, rtol=1e-5)
    m = metrics.AUC(num_thresholds=9, multi_label=True, num_labels=3, curve="PR")
    m.update_state(LABELS, SCORES)
    np.testing.assert_allclose(m.result(), np_auc(np_counts(LABELS, SCORES, auc_thresholds(9), 1.0, axis=1),
                                                  "PR").mean(), rtol=1e-5)


def test_single_label_auc_applies_label_weights_to_entries():
    m = metrics.AUC(num_thresholds=9, label_weights=[1.0, 2.0, 0.5])
    m.update_state(LABELS, SCORES)
    expected = np_auc(np_counts(LABELS, SCORES, auc_thresholds(9), np.array([1.0, 2.0, 0.5])))
    np.testing.assert_allclose(m.result(), expected, rtol=1e-5)


def test_auc_argument_errors():
    with pytest.raises(ValueError, match="`num_thresholds` must be an integer > 1. Received: 1"):
        metrics.AUC(num_thresholds=1)
    with pytest.raises(ValueError, match=r"Invalid AUC curve: 'XY'. Expected one of \('ROC', 'PR'\)"):
        metrics.AUC(curve="XY")
    with pytest.raises(ValueError, match="Invalid AUC summation_method: 'riemann'"):
        metrics.AUC(summation_method="riemann")


def test_auc_update_under_stateless_scope():
    m = metrics.AUC(num_thresholds=3)
    with backend.StatelessScope() as scope:
        m.update_state([0, 0, 1, 1], [0, 0.5, 0.3, 0.9])
        np.testing.assert_allclose(m.result(), 0.75, rtol=1e-6)
    assert m.true_positives.numpy().sum() == 0
    assert {v.name for v, _ in scope.assigned_variables()} == {
        "true_positives", "false_positives", "true_negatives", "false_negatives"}
