"""F-scores, IoUs, R2, correlations, rate-at-rate metrics, MeanRelativeError and MeanTensor: Keras's
documented examples, NumPy formulas, configs, and accumulation inside `fit`/`evaluate` (padded batches)."""
import json

import numpy as np
import pytest

import kerax
from kerax import layers, metrics

rng = np.random.default_rng(0)
MULTI_TRUE = (rng.uniform(size=(30, 3)) > 0.5).astype("float32")
MULTI_PRED = np.clip(MULTI_TRUE * 0.4 + rng.uniform(size=(30, 3)) * 0.6, 0, 1).astype("float32")
WEIGHTS = rng.uniform(size=30).astype("float32")


def result(metric, *args, **kwargs):
    metric.update_state(*args, **kwargs)
    return np.asarray(metric.result())


# --- F-beta --------------------------------------------------------------------------------------------
def test_fbeta_documented_examples():
    y_true = np.array([[1, 1, 1], [1, 0, 0], [1, 1, 0]], np.int32)
    y_pred = np.array([[0.2, 0.6, 0.7], [0.2, 0.6, 0.6], [0.6, 0.8, 0.0]], np.float32)
    np.testing.assert_allclose(result(metrics.FBetaScore(beta=2.0, threshold=0.5), y_true, y_pred),
                               [0.3846154, 0.90909094, 0.8333334], rtol=1e-5)
    np.testing.assert_allclose(result(metrics.F1Score(threshold=0.5), y_true, y_pred),
                               [0.5, 0.8, 0.6666667], rtol=1e-5)


def np_fbeta(y_true, y_pred, beta, threshold, average, weights):
    if threshold is None:
        predicted = (y_pred == y_pred.max(-1, keepdims=True)) & (np.abs(y_pred) > 1e-9)
    else:
        predicted = y_pred > threshold
    predicted, w = predicted.astype("float64"), weights[:, None]
    axis = None if average == "micro" else 0
    tp, fp = (predicted * y_true * w).sum(axis), (predicted * (1 - y_true) * w).sum(axis)
    fn = ((1 - predicted) * y_true * w).sum(axis)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    score = (1 + beta**2) * precision * recall / (beta**2 * precision + recall)
    if average == "weighted":
        support = (y_true * w).sum(0)
        return (score * support).sum() / support.sum()
    return score if average is None else score.mean()


@pytest.mark.parametrize("average", [None, "micro", "macro", "weighted"])
@pytest.mark.parametrize("threshold", [None, 0.45])
def test_fbeta_matches_numpy(average, threshold):
    metric = metrics.FBetaScore(average=average, beta=0.5, threshold=threshold)
    expected = np_fbeta(MULTI_TRUE, MULTI_PRED, 0.5, threshold, average, WEIGHTS)
    np.testing.assert_allclose(result(metric, MULTI_TRUE, MULTI_PRED, sample_weight=WEIGHTS), expected,
                               rtol=1e-4)


def test_fbeta_argument_errors():
    with pytest.raises(ValueError, match="Invalid `average`"):
        metrics.FBetaScore(average="samples")
    with pytest.raises(ValueError, match="Invalid `beta`"):
        metrics.FBetaScore(beta=2)
    with pytest.raises(ValueError, match="0 < threshold <= 1"):
        metrics.F1Score(threshold=1.5)
    with pytest.raises(ValueError, match=r"2D inputs with shape \(batch_size, output_dim\)"):
        metrics.F1Score().update_state(np.zeros((2, 3, 4)), np.zeros((2, 3, 4)))


# --- IoU ------------------------------------------------------------------------------------------------
def test_iou_documented_examples():
    binary = metrics.BinaryIoU(target_class_ids=[0, 1], threshold=0.3)
    np.testing.assert_allclose(result(binary, [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7]), 0.33333334, rtol=1e-6)
    binary.reset_state()
    np.testing.assert_allclose(result(binary, [0, 1, 0, 1], [0.1, 0.2, 0.4, 0.7],
                                      sample_weight=[0.2, 0.3, 0.4, 0.1]), 0.17361112, rtol=1e-5)
    mean_iou = metrics.MeanIoU(num_classes=2)
    np.testing.assert_allclose(result(mean_iou, [0, 0, 1, 1], [0, 1, 0, 1]), 0.33333334, rtol=1e-6)
    mean_iou.reset_state()
    weighted = result(mean_iou, [0, 0, 1, 1], [0, 1, 0, 1], sample_weight=[0.3, 0.3, 0.3, 0.1])
    np.testing.assert_allclose(weighted, 0.23809525, rtol=1e-5)
    y_true = np.array([[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 0, 0]])
    y_pred = np.array([[0.2, 0.3, 0.5], [0.1, 0.2, 0.7], [0.5, 0.3, 0.1], [0.1, 0.4, 0.5]])
    weights = [0.1, 0.2, 0.3, 0.4]
    one_hot_iou = metrics.OneHotIoU(num_classes=3, target_class_ids=[0, 2])
    np.testing.assert_allclose(result(one_hot_iou, y_true, y_pred, sample_weight=weights), 0.071, atol=1e-3)
    np.testing.assert_allclose(result(metrics.OneHotMeanIoU(num_classes=3), y_true, y_pred,
                                      sample_weight=weights), 0.048, atol=1e-3)


def np_iou(y_true, y_pred, num_classes, targets, weights, ignore_class=None):
    cm = np.zeros((num_classes, num_classes))
    for t, p, w in zip(y_true.ravel(), y_pred.ravel(), weights.ravel()):
        if 0 <= t < num_classes and 0 <= p < num_classes and t != ignore_class:
            cm[t, p] += w
    tp = np.diag(cm)
    denominator = cm.sum(0) + cm.sum(1) - tp
    seen = [c for c in targets if denominator[c] > 0]
    return np.mean([tp[c] / denominator[c] for c in seen])


def test_iou_ignores_a_class_and_out_of_range_ids_with_per_sample_weights():
    y_true = rng.integers(-1, 4, size=(6, 5))  # -1 out of range, 3 ignored
    y_pred = rng.integers(0, 4, size=(6, 5))
    weights = rng.uniform(size=6)
    metric = metrics.IoU(num_classes=4, target_class_ids=[0, 2, 3], ignore_class=3)
    expected = np_iou(y_true, y_pred, 4, [0, 2, 3], np.repeat(weights[:, None], 5, 1), ignore_class=3)
    np.testing.assert_allclose(result(metric, y_true, y_pred, sample_weight=weights), expected, rtol=1e-5)
    with pytest.raises(ValueError, match=r"Target class id 5 is out of range, which is \[0, 4\)"):
        metrics.IoU(num_classes=4, target_class_ids=[5])


# --- R2, correlations -----------------------------------------------------------------------------------
def test_r2_documented_example():
    y_true = np.array([[1], [4], [3]], dtype=np.float32)
    y_pred = np.array([[2], [4], [4]], dtype=np.float32)
    np.testing.assert_allclose(result(metrics.R2Score(), y_true, y_pred), 0.57142854, rtol=1e-6)


def np_r2(y_true, y_pred, weights, aggregation, num_regressors=0):
    w = weights[:, None]
    mean = (y_true * w).sum(0) / w.sum()
    total = ((y_true - mean) ** 2 * w).sum(0)
    scores = 1 - ((y_true - y_pred) ** 2 * w).sum(0) / total
    score = {None: scores, "uniform_average": scores.mean(),
             "variance_weighted_average": (scores * total).sum() / total.sum()}[aggregation]
    n = y_true.size
    return 1 - (1 - score) * (n - 1) / (n - num_regressors - 1) if num_regressors else score


@pytest.mark.parametrize("aggregation", [None, "uniform_average", "variance_weighted_average"])
def test_r2_matches_numpy(aggregation):
    y_true = rng.normal(size=(20, 3))
    y_pred = y_true + rng.normal(scale=0.5, size=(20, 3))
    weights = rng.uniform(0.5, 1.0, size=20)
    metric = metrics.R2Score(class_aggregation=aggregation, num_regressors=2)
    metric.update_state(y_true[:12], y_pred[:12], sample_weight=weights[:12])
    metric.update_state(y_true[12:], y_pred[12:], sample_weight=weights[12:])
    np.testing.assert_allclose(metric.result(), np_r2(y_true, y_pred, weights, aggregation, 2), rtol=1e-4)


def test_correlation_documented_examples_and_numpy():
    y_true, y_pred = [[0, 1, 0.5], [1, 1, 0.2]], [[0.1, 0.9, 0.5], [1, 0.9, 0.2]]
    np.testing.assert_allclose(result(metrics.PearsonCorrelation(axis=-1), y_true, y_pred), 0.9966996,
                               rtol=1e-5)
    np.testing.assert_allclose(result(metrics.ConcordanceCorrelation(axis=-1), y_true, y_pred), 0.98163204,
                               rtol=1e-5)
    np.testing.assert_allclose(metrics.concordance_correlation(y_true, y_pred), [0.97560976, 0.98765432],
                               rtol=1e-5)
    t, p = rng.normal(size=(4, 6)), rng.normal(size=(4, 6))
    pearson = [np.corrcoef(a, b)[0, 1] for a, b in zip(t, p)]
    np.testing.assert_allclose(metrics.pearson_correlation(t, p), pearson, rtol=1e-4)
    ccc = 2 * ((t - t.mean(1, keepdims=True)) * (p - p.mean(1, keepdims=True))).mean(1) / (
        t.var(1) + p.var(1) + (t.mean(1) - p.mean(1)) ** 2)
    np.testing.assert_allclose(metrics.concordance_correlation(t, p), ccc, rtol=1e-4)


# --- rate at rate ---------------------------------------------------------------------------------------
RATE_CASES = [  # (class, value, sample weights, documented unweighted, documented weighted)
    (metrics.SensitivityAtSpecificity, 0.5, [1, 1, 2, 2, 1], 0.5, 0.333333),
    (metrics.SpecificityAtSensitivity, 0.5, [1, 1, 2, 2, 2], 0.66666667, 0.5),
    (metrics.PrecisionAtRecall, 0.5, [2, 2, 2, 1, 1], 0.5, 0.33333333),
]


@pytest.mark.parametrize("case", RATE_CASES, ids=lambda c: c[0].__name__)
def test_rate_at_rate_documented_examples(case):
    cls, value, weights, plain, weighted = case
    metric = cls(value)
    np.testing.assert_allclose(result(metric, [0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8]), plain, rtol=1e-5)
    metric.reset_state()
    np.testing.assert_allclose(
        result(metric, [0, 0, 0, 1, 1], [0, 0.3, 0.8, 0.3, 0.8], sample_weight=weights), weighted, rtol=1e-5)


def test_recall_at_precision_documented_example():
    metric = metrics.RecallAtPrecision(0.8)
    np.testing.assert_allclose(result(metric, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9]), 0.5)
    metric.reset_state()
    np.testing.assert_allclose(
        result(metric, [0, 0, 1, 1], [0, 0.5, 0.3, 0.9], sample_weight=[1, 0, 0, 1]), 1.0)


def np_rate_at_rate(labels, scores, weights, num_thresholds, result_rate, constraint, value):
    best = 0.0
    for threshold in np.linspace(0, 1, num_thresholds):
        positive = scores > threshold
        tp, fp = (weights * positive * labels).sum(), (weights * positive * (1 - labels)).sum()
        fn, tn = (weights * ~positive * labels).sum(), (weights * ~positive * (1 - labels)).sum()
        rates = {"sensitivity": tp / (tp + fn) if tp + fn else 0,
                 "specificity": tn / (tn + fp) if tn + fp else 0,
                 "precision": tp / (tp + fp) if tp + fp else 0}
        if rates[constraint] >= value:
            best = max(best, rates[result_rate])
    return best


@pytest.mark.parametrize("cls, result_rate, constraint", [
    (metrics.SensitivityAtSpecificity, "sensitivity", "specificity"),
    (metrics.SpecificityAtSensitivity, "specificity", "sensitivity"),
    (metrics.PrecisionAtRecall, "precision", "sensitivity"),
    (metrics.RecallAtPrecision, "sensitivity", "precision")])
def test_rate_at_rate_matches_numpy_for_one_class(cls, result_rate, constraint):
    metric = cls(0.6, num_thresholds=11, class_id=1)
    expected = np_rate_at_rate(MULTI_TRUE[:, 1], MULTI_PRED[:, 1], WEIGHTS, 11, result_rate, constraint, 0.6)
    np.testing.assert_allclose(result(metric, MULTI_TRUE, MULTI_PRED, sample_weight=WEIGHTS), expected,
                               rtol=1e-5)
    with pytest.raises(ValueError, match=r"must be in the range \[0, 1\]"):
        cls(1.5)


# --- tf.keras's MeanRelativeError and MeanTensor ---------------------------------------------------------
def test_mean_relative_error_and_mean_tensor_documented_examples():
    np.testing.assert_allclose(result(metrics.MeanRelativeError(normalizer=[1, 3, 2, 3]), [1, 3, 2, 3],
                                      [2, 4, 6, 8]), 1.25)
    mean = metrics.MeanTensor()
    mean.update_state([0, 1, 2, 3])
    np.testing.assert_allclose(result(mean, [4, 5, 6, 7]), [2.0, 3.0, 4.0, 5.0])
    np.testing.assert_allclose(result(mean, [12, 10, 8, 6], sample_weight=[0, 0.2, 0.5, 1]),
                               [2.0, 3.6363635, 4.8, 5.3333335], rtol=1e-6)
    with pytest.raises(ValueError, match="must always have the same shape"):
        mean.update_state([1.0, 2.0])
    shaped = metrics.MeanTensor(dtype="float64", shape=(1, 4))
    np.testing.assert_allclose(shaped.result(), np.zeros((1, 4)))


# --- configs and names ----------------------------------------------------------------------------------
CONFIGURED = [
    metrics.FBetaScore(average="macro", beta=0.5, threshold=0.3), metrics.F1Score(average="weighted"),
    metrics.IoU(4, [1, 2], ignore_class=0, sparse_y_pred=False), metrics.BinaryIoU([1], threshold=0.7),
    metrics.MeanIoU(3, ignore_class=2), metrics.OneHotIoU(3, [0]),
    metrics.OneHotMeanIoU(5, sparse_y_pred=True),
    metrics.R2Score("variance_weighted_average", num_regressors=1), metrics.PearsonCorrelation(axis=0),
    metrics.ConcordanceCorrelation(), metrics.PrecisionAtRecall(0.3, num_thresholds=10, class_id=1),
    metrics.RecallAtPrecision(0.9), metrics.SensitivityAtSpecificity(0.2),
    metrics.SpecificityAtSensitivity(0.4),
    metrics.MeanRelativeError([1.0, 2.0]), metrics.MeanTensor(shape=(2,)),
]


@pytest.mark.parametrize("metric", CONFIGURED, ids=lambda m: type(m).__name__)
def test_config_round_trip_and_lookup_by_name(metric):
    config = json.loads(json.dumps(metrics.serialize(metric)))
    rebuilt = metrics.deserialize(config)
    assert type(rebuilt) is type(metric)
    assert rebuilt.get_config() == json.loads(json.dumps(metric.get_config()))
    assert isinstance(metrics.get({"class_name": type(metric).__name__, "config": metric.get_config()}),
                      type(metric))


def test_snake_case_names_resolve_to_the_classes_as_in_keras():
    for name, cls in [("f1_score", metrics.F1Score), ("f_beta_score", metrics.FBetaScore),
                      ("r2_score", metrics.R2Score), ("binary_io_u", metrics.BinaryIoU),
                      ("pearson_correlation", metrics.PearsonCorrelation),
                      ("concordance_correlation", metrics.ConcordanceCorrelation)]:
        assert isinstance(metrics.get(name), cls)
    with pytest.raises(TypeError, match="num_classes"):
        metrics.get("mean_io_u")  # needs arguments, as in Keras


# --- inside fit / evaluate ------------------------------------------------------------------------------
def test_regression_metrics_accumulate_on_device_with_padding():
    x = rng.normal(size=(13, 2)).astype("float32")
    # Labels (n,), outputs (n, 1).
    y = (x @ np.array([1.0, -1.0]) + 0.1 * rng.normal(size=13)).astype("float32")
    model = kerax.Sequential([layers.Input((2,)), layers.Dense(1)])
    model.compile("sgd", "mse", metrics=[metrics.R2Score(), metrics.MeanRelativeError(normalizer=[2.0])])
    model.fit(x, y, batch_size=5, epochs=2, verbose=0)
    logs = model.evaluate(x, y, batch_size=5, verbose=0, return_dict=True)  # last batch padded 3 -> 5
    p = model.predict(x, verbose=0)[:, 0].astype("float64")
    expected_r2 = np_r2(y[:, None], p[:, None], np.ones(13), "uniform_average")
    np.testing.assert_allclose(logs["r2_score"], expected_r2, rtol=1e-4)
    np.testing.assert_allclose(logs["mean_relative_error"], np.mean(np.abs(y - p) / 2.0), rtol=1e-4)


def test_classification_metrics_in_fit_and_evaluate():
    x = rng.normal(size=(14, 3)).astype("float32")
    labels = rng.integers(0, 2, size=14)
    model = kerax.Sequential([layers.Input((3,)), layers.Dense(1, activation="sigmoid")])
    model.compile("adam", "binary_crossentropy", metrics=[
        metrics.F1Score(threshold=0.5), metrics.BinaryIoU(), "pearson_correlation",
        metrics.SpecificityAtSensitivity(0.5, num_thresholds=21)])
    history = model.fit(x, labels, batch_size=4, epochs=2, verbose=0).history
    assert np.shape(history["f1_score"][-1]) == (1,)  # one score per class, kept as an array
    logs = model.evaluate(x, labels, batch_size=4, verbose=0, return_dict=True)
    p = model.predict(x, verbose=0)
    expected_f1 = np_fbeta(labels[:, None].astype("float64"), p, 1.0, 0.5, None, np.ones(14))
    np.testing.assert_allclose(logs["f1_score"], expected_f1, rtol=1e-4)
    expected_iou = np_iou(labels, (p[:, 0] >= 0.5).astype(int), 2, [0, 1], np.ones(14))
    np.testing.assert_allclose(logs["binary_io_u"], expected_iou, rtol=1e-4)
    expected = np_rate_at_rate(labels, p[:, 0], np.ones(14), 21, "specificity", "sensitivity", 0.5)
    np.testing.assert_allclose(logs["specificity_at_sensitivity"], expected, rtol=1e-4)


def test_metrics_sized_by_the_data_are_built_before_the_compiled_step():
    x = rng.normal(size=(12, 3)).astype("float32")
    model = kerax.Sequential([layers.Input((3,)), layers.Dense(3, activation="sigmoid")])
    model.compile("sgd", "binary_crossentropy",
                  metrics=[metrics.AUC(multi_label=True), metrics.F1Score(average="micro", threshold=0.5)])
    logs = model.evaluate(x, MULTI_TRUE[:12], batch_size=4, verbose=0, return_dict=True)
    p = model.predict(x, verbose=0)
    expected = np_fbeta(MULTI_TRUE[:12].astype("float64"), p, 1.0, 0.5, "micro", np.ones(12))
    np.testing.assert_allclose(logs["f1_score"], expected, rtol=1e-4)
    assert 0.0 <= logs["auc"] <= 1.0
