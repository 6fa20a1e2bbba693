"""Loss classes: Keras's documented examples, reductions with sample weights, configs and lookup."""
import json

import numpy as np
import pytest

from kerax import backend, losses, saving

Y2_TRUE = np.array([[0.0, 1.0], [0.0, 0.0]], "float32")
Y2_PRED = np.array([[0.6, 0.4], [0.4, 0.6]], "float32")
Y2_PRED_B = np.array([[1.0, 1.0], [1.0, 0.0]], "float32")
Y2_PRED_C = np.array([[1.0, 1.0], [0.0, 0.0]], "float32")

# (loss, y_true, y_pred, sample_weight, documented values for: default, weighted, 'sum', 'none')
DOCUMENTED = [
    (losses.MeanSquaredError, Y2_TRUE, Y2_PRED_B, [0.7, 0.3], 0.5, 0.25, 1.0, [0.5, 0.5]),
    (losses.MeanAbsoluteError, Y2_TRUE, Y2_PRED_B, [0.7, 0.3], 0.5, 0.25, 1.0, [0.5, 0.5]),
    (losses.MeanAbsolutePercentageError, [[2.0, 1.0], [2.0, 3.0]], Y2_PRED_B, [0.7, 0.3], 50.0, 20.0, 100.0,
     [25.0, 75.0]),
    (losses.MeanSquaredLogarithmicError, Y2_TRUE, Y2_PRED_B, [0.7, 0.3], 0.240, 0.120, 0.480, [0.240, 0.240]),
    (losses.Hinge, Y2_TRUE, Y2_PRED, [1, 0], 1.3, 0.55, 2.6, [1.1, 1.5]),
    (losses.SquaredHinge, Y2_TRUE, Y2_PRED, [1, 0], 1.86, 0.73, 3.72, [1.46, 2.26]),
    (losses.CategoricalHinge, Y2_TRUE, Y2_PRED, [1, 0], 1.4, 0.6, 2.8, [1.2, 1.6]),
    (losses.Poisson, Y2_TRUE, Y2_PRED_C, [0.8, 0.2], 0.5, 0.4, 0.999, [0.999, 0.0]),
    (losses.KLDivergence, Y2_TRUE, Y2_PRED, [0.8, 0.2], 0.458, 0.366, 0.916, [0.916, -3.08e-06]),
    (losses.Huber, Y2_TRUE, Y2_PRED, [1, 0], 0.155, 0.09, 0.31, [0.18, 0.13]),
    (losses.LogCosh, Y2_TRUE, Y2_PRED_C, [0.8, 0.2], 0.108, 0.087, 0.217, [0.217, 0.0]),
    (losses.BinaryCrossentropy, Y2_TRUE, Y2_PRED, [1, 0], 0.815, 0.458, 1.630, [0.916, 0.714]),
    (losses.CategoricalCrossentropy, [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], [0.3, 0.7],
     1.177, 0.814, 2.354, [0.0513, 2.303]),
    (losses.SparseCategoricalCrossentropy, [1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], [0.3, 0.7],
     1.177, 0.814, 2.354, [0.0513, 2.303]),
]


@pytest.mark.parametrize("case", DOCUMENTED, ids=lambda c: c[0].__name__)
def test_documented_examples(case):
    cls, y_true, y_pred, weights, plain, weighted, summed, per_sample = case
    np.testing.assert_allclose(cls()(y_true, y_pred), plain, atol=2e-3)
    np.testing.assert_allclose(cls()(y_true, y_pred, sample_weight=weights), weighted, atol=2e-3)
    np.testing.assert_allclose(cls(reduction="sum")(y_true, y_pred), summed, atol=2e-3)
    np.testing.assert_allclose(cls(reduction="none")(y_true, y_pred), per_sample, atol=2e-3)


def test_documented_cosine_similarity_and_logits_examples():
    y_true, y_pred = [[0.0, 1.0], [1.0, 1.0]], [[1.0, 0.0], [1.0, 1.0]]
    np.testing.assert_allclose(losses.CosineSimilarity(axis=1)(y_true, y_pred), -0.5, atol=1e-3)
    np.testing.assert_allclose(losses.CosineSimilarity(axis=1)(y_true, y_pred, sample_weight=[0.8, 0.2]),
                               -0.0999, atol=1e-3)
    logits = [-18.6, 0.51, 2.94, -12.8]
    bce = losses.BinaryCrossentropy(from_logits=True)
    focal = losses.BinaryFocalCrossentropy(gamma=2, from_logits=True)
    np.testing.assert_allclose(bce([0, 1, 0, 0], logits), 0.865, atol=1e-3)
    np.testing.assert_allclose(focal([0, 1, 0, 0], logits), 0.691, atol=1e-3)


def test_reductions_against_numpy():
    rng = np.random.default_rng(1)
    y_true, y_pred = rng.normal(size=(6, 5, 3)), rng.normal(size=(6, 5, 3))
    values = ((y_true - y_pred) ** 2).mean(-1)  # (6, 5)
    per_step, per_sample = rng.uniform(size=(6, 5)), rng.uniform(size=(6,))
    mse = losses.MeanSquaredError
    np.testing.assert_allclose(mse()(y_true, y_pred), values.mean(), rtol=1e-5)
    np.testing.assert_allclose(mse()(y_true, y_pred, per_step), (values * per_step).sum() / 30, rtol=1e-5)
    np.testing.assert_allclose(mse()(y_true, y_pred, per_sample), (values * per_sample[:, None]).sum() / 30,
                               rtol=1e-5)
    np.testing.assert_allclose(mse(reduction="sum")(y_true, y_pred, per_step), (values * per_step).sum(),
                               rtol=1e-5)
    np.testing.assert_allclose(mse(reduction="none")(y_true, y_pred, per_sample),
                               values * per_sample[:, None], rtol=1e-5)
    np.testing.assert_allclose(mse(reduction="mean_with_sample_weight")(y_true, y_pred, per_step),
                               (values * per_step).sum() / per_step.sum(), rtol=1e-5)
    np.testing.assert_allclose(mse(reduction="auto")(y_true, y_pred), values.mean(), rtol=1e-5)
    assert mse(reduction=losses.Reduction.AUTO).reduction == "sum_over_batch_size"
    # A weight of shape (batch, 1) matches values of shape (batch,).
    np.testing.assert_allclose(mse()(y_true[:, 0], y_pred[:, 0], per_sample[:, None]),
                               (values[:, 0] * per_sample).mean(), rtol=1e-5)


def test_invalid_reduction_lists_the_valid_ones():
    with pytest.raises(ValueError, match=r"reduction.*sum_over_batch_size.*Received: reduction='average'"):
        losses.MeanSquaredError(reduction="average")


def test_call_returns_unreduced_values():
    loss = losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
    logits = np.array([[2.0, -1.0, 0.5], [0.0, 0.0, 3.0]], "float32")
    labels = np.eye(3, dtype="float32")[[0, 1]]
    values = loss.call(labels, logits)
    assert values.shape == (2,)
    np.testing.assert_allclose(values, losses.categorical_crossentropy(labels, logits, True, 0.1), rtol=1e-6)
    assert loss.reduction == "sum_over_batch_size"


def test_ignore_class_leaves_the_mean():
    logits = np.random.default_rng(2).normal(size=(2, 4, 3)).astype("float32")
    labels = np.array([[0, 2, -1, 1], [-1, -1, 2, 0]])
    loss = losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=-1)
    log_probs = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
    valid = labels != -1
    picked = -np.take_along_axis(log_probs, np.where(valid, labels, 0)[..., None], -1)[..., 0]
    np.testing.assert_allclose(loss(labels, logits), picked[valid].mean(), rtol=1e-5)
    np.testing.assert_allclose(loss(labels, logits, sample_weight=[1.0, 3.0]),
                               (picked * valid * np.array([[1.0], [3.0]])).sum() / valid.sum(), rtol=1e-5)
    np.testing.assert_allclose(losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=-1,
                                                                    reduction="sum")(labels, logits),
                               picked[valid].sum(), rtol=1e-5)


def test_loss_dtype_converts_inputs():
    loss = losses.MeanSquaredError(dtype="float16")
    assert loss(np.array([[1, 2]]), np.array([[2, 2]])).dtype == "float16"
    assert losses.MeanSquaredError().dtype == backend.floatx()


CLASS_CONFIGS = [
    losses.MeanSquaredError(reduction="sum", name="m"), losses.MeanAbsoluteError(dtype="float64"),
    losses.MeanAbsolutePercentageError(), losses.MeanSquaredLogarithmicError(), losses.LogCosh(),
    losses.Huber(delta=2.5), losses.CosineSimilarity(axis=0), losses.Hinge(), losses.SquaredHinge(),
    losses.CategoricalHinge(), losses.KLDivergence(), losses.Poisson(),
    losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.1, axis=1),
    losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.3, gamma=1.5),
    losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.2, reduction="none"),
    losses.SparseCategoricalCrossentropy(from_logits=True, ignore_class=0),
    losses.LossFunctionWrapper(losses.huber, name="wrapped", delta=0.5),
]


@pytest.mark.parametrize("loss", CLASS_CONFIGS, ids=lambda loss: type(loss).__name__)
def test_config_round_trip(loss):
    config = json.loads(json.dumps(loss.get_config()))
    restored = type(loss).from_config(config)
    assert restored.get_config() == loss.get_config()
    again = losses.deserialize(json.loads(json.dumps(losses.serialize(loss))))
    assert type(again) is type(loss) and again.get_config() == loss.get_config()


def test_get_resolves_every_kind_of_identifier():
    assert losses.get(None) is None
    assert losses.get("mse") is losses.mean_squared_error
    assert losses.get("huber_loss") is losses.huber
    assert losses.get("kullback_leibler_divergence") is losses.kl_divergence
    assert losses.get("cosine_proximity") is losses.cosine_similarity
    cce = losses.get("CategoricalCrossentropy")
    assert isinstance(cce, losses.CategoricalCrossentropy) and cce.name == "categorical_crossentropy"
    assert isinstance(losses.get(losses.Huber), losses.Huber)
    instance = losses.BinaryCrossentropy(from_logits=True)
    assert losses.get(instance) is instance
    restored = losses.get({"class_name": "BinaryCrossentropy", "config": {"from_logits": True}})
    assert restored.get_config()["from_logits"] is True

    def custom(y_true, y_pred):
        return y_pred - y_true

    assert losses.get(custom) is custom


def test_unknown_name_lists_valid_names():
    expected = r"Unknown loss: 'mean_sqared_error'.*mean_squared_error.*Valid names:.*mse"
    with pytest.raises(ValueError, match=expected):
        losses.get("mean_sqared_error")
    with pytest.raises(ValueError, match="Could not interpret loss identifier"):
        losses.get(3)


def test_custom_function_in_a_wrapper_and_by_registered_name():
    @saving.register_keras_serializable(package="LossTest")
    def double_mae(y_true, y_pred):
        return 2.0 * losses.mean_absolute_error(y_true, y_pred)

    wrapper = losses.LossFunctionWrapper(double_mae, reduction="sum")
    assert wrapper.name == "double_mae"
    np.testing.assert_allclose(wrapper([[0.0, 1.0]], [[1.0, 1.0]]), 1.0)
    restored = losses.deserialize(json.loads(json.dumps(losses.serialize(wrapper))))
    assert restored.fn is double_mae and restored.reduction == "sum"
    assert losses.get("LossTest>double_mae") is double_mae


def test_subclassed_loss():
    class ScaledMSE(losses.Loss):
        def call(self, y_true, y_pred):
            return 3.0 * losses.mse(y_true, y_pred)

    loss = ScaledMSE(reduction="sum")
    assert loss.name.startswith("scaled_mse")
    np.testing.assert_allclose(loss([[1.0], [2.0]], [[2.0], [2.0]]), 3.0)
    with pytest.raises(NotImplementedError, match="call"):
        losses.Loss()([1.0], [1.0])
