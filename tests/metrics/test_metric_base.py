"""Metric state: accumulation with sample weights, reset, stateless updates, configs and lookup."""
import json

import numpy as np
import pytest

from kerax import backend, losses, metrics, ops, saving


def test_mean_accumulates_weighted_values_over_updates():
    m = metrics.Mean()
    m.update_state([1.0, 3.0, 5.0, 7.0])
    assert float(m.result()) == 4.0  # Keras's documented example
    m.reset_state()
    m.update_state([1.0, 3.0, 5.0, 7.0], sample_weight=[1, 1, 0, 0])
    assert float(m.result()) == 2.0
    m.update_state([[2.0, 4.0], [10.0, 0.0]], sample_weight=[0.5, 2.0])  # per-sample means 3 and 5
    expected = (1 + 3 + 0.5 * 3 + 2.0 * 5) / (2 + 0.5 + 2.0)
    np.testing.assert_allclose(m.result(), expected, rtol=1e-6)
    m.update_state(4.0)
    np.testing.assert_allclose(m.result(), (1 + 3 + 1.5 + 10 + 4) / 5.5, rtol=1e-6)


def test_mean_with_per_step_weights_weighs_each_step():
    values = np.arange(12, dtype="float32").reshape(3, 4)
    weights = np.random.default_rng(0).uniform(size=(3, 4))
    m = metrics.Mean()
    m.update_state(values, sample_weight=weights)
    expected = (values * weights).mean(1).sum() / weights.mean(1).sum()
    np.testing.assert_allclose(m.result(), expected, rtol=1e-5)


def test_sum():
    m = metrics.Sum()
    m.update_state([1.0, 3.0, 5.0, 7.0])
    assert float(m.result()) == 16.0
    m.update_state([[1.0, 2.0]], sample_weight=[3.0])
    assert float(m.result()) == 25.0


def test_call_updates_and_returns_result():
    m = metrics.MeanSquaredError()
    np.testing.assert_allclose(m([[0.0, 1.0]], [[1.0, 1.0]]), 0.5)
    np.testing.assert_allclose(m([[0.0, 0.0]], [[0.0, 0.0]]), 0.25)


def test_variables_are_non_trainable_and_reset_to_initial_values():
    class CountFrom(metrics.Metric):
        def __init__(self, start, **kwargs):
            super().__init__(**kwargs)
            self.start = start
            self.n = self.add_variable((), initializer=start, name="n")
            self.ones = self.add_variable((2,), initializer="ones", dtype="int32", name="ones")

        def update_state(self, x):
            self.n.assign(self.n.value + ops.sum(x))

        def result(self):
            return self.n.value

    m = CountFrom(10.0)
    assert [v.name for v in m.variables] == ["n", "ones"]
    assert not any(v.trainable for v in m.variables) and m.ones.dtype == "int32"
    m.update_state(np.array([1.0, 2.0]))
    assert float(m.result()) == 13.0
    m.reset_state()
    assert float(m.result()) == 10.0 and m.ones.numpy().tolist() == [1, 1]
    with pytest.raises(ValueError, match="initializer.*'glorot'"):
        m.add_variable((), initializer="glorot")


def test_add_variable_before_super_init_is_a_clear_error():
    class Broken(metrics.Metric):
        def __init__(self):
            self.v = self.add_variable(())

    with pytest.raises(RuntimeError, match=r"super\(\).__init__"):
        Broken()


def test_update_under_stateless_scope_records_instead_of_mutating():
    m = metrics.Mean()
    m.update_state([2.0])
    with backend.StatelessScope() as scope:
        m.update_state([4.0, 6.0], sample_weight=[1.0, 3.0])
        np.testing.assert_allclose(m.result(), (2 + 4 + 18) / 5)  # reads see the recorded values
    assert float(m.total.numpy()) == 2.0 and float(m.count.numpy()) == 1.0  # untouched
    recorded = {v.name: float(value) for v, value in scope.assigned_variables()}
    assert recorded == {"total": 24.0, "count": 5.0}


def test_stateless_api():
    m = metrics.Accuracy()
    state = m.stateless_update_state([np.array(1.0), np.array(2.0)], [[1], [2], [3]], [[1], [0], [3]])
    np.testing.assert_allclose(state, [3.0, 5.0])
    np.testing.assert_allclose(m.stateless_result(state), 0.6)
    np.testing.assert_allclose(m.stateless_reset_state(), [0.0, 0.0])
    assert float(m.result()) == 0.0  # the metric's own variables never changed


ALL_METRICS = [
    metrics.Mean(name="m"), metrics.Sum(dtype="float16"), metrics.Accuracy(),
    metrics.BinaryAccuracy(threshold=0.7),
    metrics.CategoricalAccuracy(), metrics.SparseCategoricalAccuracy(), metrics.TopKCategoricalAccuracy(k=3),
    metrics.SparseTopKCategoricalAccuracy(k=2), metrics.MeanSquaredError(), metrics.MeanAbsoluteError(),
    metrics.MeanAbsolutePercentageError(), metrics.MeanSquaredLogarithmicError(),
    metrics.RootMeanSquaredError(),
    metrics.CosineSimilarity(axis=0), metrics.LogCoshError(),
    metrics.BinaryCrossentropy(from_logits=True, label_smoothing=0.1),
    metrics.CategoricalCrossentropy(label_smoothing=0.2, axis=1),
    metrics.SparseCategoricalCrossentropy(from_logits=True), metrics.KLDivergence(), metrics.Poisson(),
    metrics.Hinge(), metrics.SquaredHinge(), metrics.CategoricalHinge(),
    metrics.AUC(num_thresholds=50, curve="PR", summation_method="minoring", multi_label=True, num_labels=3,
                label_weights=[1, 2, 3], from_logits=True),
    metrics.AUC(thresholds=[0.3, 0.6]), metrics.Precision(thresholds=[0.2, 0.8], top_k=2, class_id=1),
    metrics.Recall(thresholds=0.4), metrics.TruePositives(), metrics.FalsePositives(thresholds=[0.1, 0.9]),
    metrics.TrueNegatives(), metrics.FalseNegatives(),
    metrics.MeanMetricWrapper(losses.huber, name="huber_metric", delta=0.3),
]


@pytest.mark.parametrize("metric", ALL_METRICS, ids=lambda m: type(m).__name__)
def test_config_round_trip(metric):
    config = json.loads(json.dumps(metric.get_config()))
    restored = type(metric).from_config(config)
    assert restored.get_config() == metric.get_config()
    again = metrics.deserialize(json.loads(json.dumps(metrics.serialize(metric))))
    assert type(again) is type(metric) and again.get_config() == metric.get_config()
    assert [v.shape for v in again.variables] == [v.shape for v in metric.variables]


def test_get_resolves_every_kind_of_identifier():
    assert metrics.get(None) is None
    assert metrics.get("accuracy") is metrics.accuracy and metrics.get("acc") is metrics.accuracy
    assert metrics.get("mse") is metrics.mean_squared_error is losses.mean_squared_error
    assert metrics.get("mae") is metrics.mae and metrics.get("binary_accuracy") is metrics.binary_accuracy
    assert metrics.get("top_k_categorical_accuracy") is metrics.top_k_categorical_accuracy
    assert isinstance(metrics.get("AUC"), metrics.AUC) and isinstance(metrics.get("auc"), metrics.AUC)
    assert isinstance(metrics.get(metrics.Precision), metrics.Precision)
    recall = metrics.Recall()
    assert metrics.get(recall) is recall
    restored = metrics.get({"class_name": "BinaryAccuracy", "config": {"threshold": 0.8}})
    assert restored.get_config()["threshold"] == 0.8
    assert metrics.get(np.mean) is np.mean


def test_unknown_name_lists_valid_names():
    expected = r"Unknown metric: 'acuracy'.*'accuracy'.*Valid names:.*binary_accuracy"
    with pytest.raises(ValueError, match=expected):
        metrics.get("acuracy")


def test_registered_custom_metric_function_round_trips():
    @saving.register_keras_serializable(package="MetricTest")
    def half_error(y_true, y_pred):
        return 0.5 * metrics.mae(y_true, y_pred)

    wrapper = metrics.MeanMetricWrapper(half_error)
    assert wrapper.name == "half_error"
    restored = metrics.deserialize(json.loads(json.dumps(metrics.serialize(wrapper))))
    np.testing.assert_allclose(restored([[0.0, 2.0]], [[2.0, 2.0]]), 0.5)
