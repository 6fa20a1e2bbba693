"""Each loss function against a NumPy formula written here, and against Keras's documented values."""
import numpy as np
import pytest

from kerax import backend, losses

EPS = 1e-7
rng = np.random.default_rng(0)
Y_TRUE = rng.uniform(0.0, 1.0, (4, 3)).astype("float32")
Y_PRED = rng.uniform(0.05, 0.95, (4, 3)).astype("float32")
LOGITS = rng.normal(0.0, 3.0, (4, 3)).astype("float32")
ONE_HOT = np.eye(3, dtype="float32")[[0, 2, 1, 2]]
PROBS = np.exp(LOGITS) / np.exp(LOGITS).sum(-1, keepdims=True)


def np_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def np_log_softmax(x):
    return x - x.max(-1, keepdims=True) - np.log(np.exp(x - x.max(-1, keepdims=True)).sum(-1, keepdims=True))


def np_bce(t, p):
    p = np.clip(p, EPS, 1 - EPS)
    return -(t * np.log(p) + (1 - t) * np.log(1 - p))


def np_signed(t):
    return 2 * t - 1 if np.all((t == 0) | (t == 1)) else t


def np_unit(x):
    return x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), EPS)


def np_huber(t, p, delta=1.0):
    e = np.abs(p - t)
    return np.where(e <= delta, 0.5 * e**2, delta * e - 0.5 * delta**2).mean(-1)


REFERENCES = {
    "mean_squared_error": lambda t, p: ((t - p) ** 2).mean(-1),
    "mean_absolute_error": lambda t, p: np.abs(t - p).mean(-1),
    "mean_absolute_percentage_error": lambda t, p: 100 * (np.abs(t - p) / np.maximum(np.abs(t), EPS)).mean(
        -1),
    "mean_squared_logarithmic_error": lambda t, p: (
        (np.log(np.maximum(p, EPS) + 1) - np.log(np.maximum(t, EPS) + 1)) ** 2).mean(-1),
    "log_cosh": lambda t, p: np.log(np.cosh(p - t)).mean(-1),
    "huber": np_huber,
    "cosine_similarity": lambda t, p: -(np_unit(t) * np_unit(p)).sum(-1),
    "hinge": lambda t, p: np.maximum(1 - np_signed(t) * p, 0).mean(-1),
    "squared_hinge": lambda t, p: (np.maximum(1 - np_signed(t) * p, 0) ** 2).mean(-1),
    "categorical_hinge": lambda t, p: np.maximum((p * (1 - t)).max(-1) - (p * t).sum(-1) + 1, 0),
    "binary_crossentropy": lambda t, p: np_bce(t, p).mean(-1),
    "kl_divergence": lambda t, p: (
        np.clip(t, EPS, 1) * np.log(np.clip(t, EPS, 1) / np.clip(p, EPS, 1))).sum(-1),
    "poisson": lambda t, p: (p - t * np.log(p + EPS)).mean(-1),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
@pytest.mark.parametrize("labels", ["soft", "binary"])
def test_function_matches_numpy(name, labels):
    y_true = Y_TRUE if labels == "soft" else (Y_TRUE > 0.5).astype("float32")
    got = getattr(losses, name)(y_true, Y_PRED)
    np.testing.assert_allclose(got, REFERENCES[name](y_true, Y_PRED), rtol=1e-5, atol=1e-6)
    assert got.shape == (4,)


def test_aliases_are_the_same_functions():
    assert losses.mse is losses.MSE is losses.mean_squared_error
    assert losses.mae is losses.MAE is losses.mean_absolute_error
    assert losses.mape is losses.mean_absolute_percentage_error and losses.msle is losses.MSLE
    assert losses.logcosh is losses.log_cosh and losses.huber_loss is losses.huber
    assert losses.kld is losses.KLD is losses.kullback_leibler_divergence is losses.kl_divergence
    assert losses.cosine_proximity is losses.cosine_similarity


def test_huber_delta_and_large_errors():
    y_pred = (LOGITS * 30).astype("float32")  # errors up to ~200: cosh overflows float32 there
    np.testing.assert_allclose(losses.huber_loss(Y_TRUE, y_pred, delta=1.5), np_huber(Y_TRUE, y_pred, 1.5),
                               rtol=1e-5)
    x = (y_pred - Y_TRUE).astype("float64")
    np.testing.assert_allclose(losses.logcosh(Y_TRUE, y_pred), np.log(np.cosh(x)).mean(-1), rtol=1e-5)


def test_hinge_keeps_signed_labels():
    y_true = np.where(Y_TRUE > 0.5, 1.0, -1.0).astype("float32")
    np.testing.assert_allclose(losses.hinge(y_true, LOGITS), np.maximum(1 - y_true * LOGITS, 0).mean(-1),
                               rtol=1e-6)


def test_cosine_similarity_axis():
    got = losses.cosine_similarity(Y_TRUE, Y_PRED, axis=0)
    unit = lambda x: x / np.linalg.norm(x, axis=0, keepdims=True)  # noqa: E731
    np.testing.assert_allclose(got, -(unit(Y_TRUE) * unit(Y_PRED)).sum(0), rtol=1e-5)


@pytest.mark.parametrize("smoothing", [0.0, 0.2])
def test_binary_crossentropy_logits_and_smoothing(smoothing):
    y_true = (Y_TRUE > 0.5).astype("float32")
    smoothed = y_true * (1 - smoothing) + 0.5 * smoothing
    p = np_sigmoid(LOGITS)
    expected = (-(smoothed * np.log(p) + (1 - smoothed) * np.log(1 - p))).mean(-1)
    got = losses.binary_crossentropy(y_true, LOGITS, from_logits=True, label_smoothing=smoothing)
    np.testing.assert_allclose(got, expected, rtol=1e-5)
    got = losses.binary_crossentropy(y_true, Y_PRED, label_smoothing=smoothing)
    np.testing.assert_allclose(got, np_bce(smoothed, Y_PRED).mean(-1), rtol=1e-5)


def test_binary_crossentropy_clips_probabilities_with_epsilon():
    y_true = (Y_TRUE > 0.5).astype("float32")
    y_pred = 1.0 - y_true  # every prediction certain and wrong
    got = losses.binary_crossentropy(y_true, y_pred)
    np.testing.assert_allclose(got, np_bce(y_true, y_pred).mean(-1), rtol=1e-6)
    assert np.all((15 < got) & (got < 17))  # -log(1e-7) = 16.1, and 1 - 1e-7 rounds in float32
    backend.set_epsilon(1e-3)
    try:
        np.testing.assert_allclose(losses.binary_crossentropy(y_true, y_pred), -np.log(1e-3) * np.ones(4),
                                   rtol=1e-4)
    finally:
        backend.set_epsilon(EPS)


@pytest.mark.parametrize("smoothing", [0.0, 0.1])
def test_categorical_crossentropy(smoothing):
    smoothed = ONE_HOT * (1 - smoothing) + smoothing / 3
    got = losses.categorical_crossentropy(ONE_HOT, LOGITS, from_logits=True, label_smoothing=smoothing)
    np.testing.assert_allclose(got, -(smoothed * np_log_softmax(LOGITS)).sum(-1), rtol=1e-5)
    # Probabilities are normalized to sum 1, then clipped.
    unnormalized = Y_PRED * 3.0
    normalized = np.clip(unnormalized / unnormalized.sum(-1, keepdims=True), EPS, 1 - EPS)
    got = losses.categorical_crossentropy(ONE_HOT, unnormalized, label_smoothing=smoothing)
    np.testing.assert_allclose(got, -(smoothed * np.log(normalized)).sum(-1), rtol=1e-5)


def test_categorical_crossentropy_axis():
    got = losses.categorical_crossentropy(ONE_HOT.T, LOGITS.T, from_logits=True, axis=0)
    np.testing.assert_allclose(got, -(ONE_HOT * np_log_softmax(LOGITS)).sum(-1), rtol=1e-5)


def test_categorical_crossentropy_shape_error_suggests_sparse():
    with pytest.raises(ValueError, match=r"same shape.*\(4, 1\).*\(4, 3\).*sparse_categorical_crossentropy"):
        losses.categorical_crossentropy(np.zeros((4, 1)), PROBS)


@pytest.mark.parametrize("label_shape", [(4,), (4, 1)])
def test_sparse_categorical_crossentropy(label_shape):
    labels = np.array([0, 2, 1, 2]).reshape(label_shape)
    np.testing.assert_allclose(losses.sparse_categorical_crossentropy(labels, LOGITS, from_logits=True),
                               -np_log_softmax(LOGITS)[np.arange(4), [0, 2, 1, 2]], rtol=1e-5)
    np.testing.assert_allclose(losses.sparse_categorical_crossentropy(labels, PROBS),
                               -np.log(PROBS[np.arange(4), [0, 2, 1, 2]]), rtol=1e-5)


def test_sparse_categorical_crossentropy_sequences_axis_and_ignore_class():
    logits = rng.normal(size=(2, 4, 3)).astype("float32")
    labels = np.array([[0, 2, 1, 1], [2, 2, 0, 1]])
    expected = -np.take_along_axis(np_log_softmax(logits), labels[..., None], -1)[..., 0]
    got = losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
    np.testing.assert_allclose(got, expected, rtol=1e-5)
    got = losses.sparse_categorical_crossentropy(labels, np.moveaxis(logits, -1, 1), from_logits=True, axis=1)
    np.testing.assert_allclose(got, expected, rtol=1e-5)
    got = losses.sparse_categorical_crossentropy(labels, logits, from_logits=True, ignore_class=2)
    np.testing.assert_allclose(got, np.where(labels == 2, 0.0, expected), rtol=1e-5, atol=1e-7)


def test_sparse_categorical_crossentropy_label_shape_error():
    expected = r"one integer label per prediction.*\(4, 3\).*categorical_crossentropy"
    with pytest.raises(ValueError, match=expected):
        losses.sparse_categorical_crossentropy(ONE_HOT, PROBS)


@pytest.mark.parametrize("balance", [False, True])
def test_binary_focal_crossentropy(balance):
    y_true = (Y_TRUE > 0.5).astype("float32")
    p = np_sigmoid(LOGITS)
    p_t = y_true * p + (1 - y_true) * (1 - p)
    focal = (1 - p_t) ** 3.0 * np_bce(y_true, p)
    if balance:
        focal *= y_true * 0.4 + (1 - y_true) * 0.6
    got = losses.binary_focal_crossentropy(y_true, LOGITS, apply_class_balancing=balance, alpha=0.4,
                                           gamma=3.0, from_logits=True)
    np.testing.assert_allclose(got, focal.mean(-1), rtol=1e-4)


def test_labels_of_rank_one_match_predictions_of_shape_batch_by_one():
    y_true, y_pred = np.array([1.0, 2.0, 3.0, 4.0]), np.array([[1.5], [2.0], [2.0], [4.0]])
    np.testing.assert_allclose(losses.mse(y_true, y_pred), [0.25, 0.0, 1.0, 0.0])


def test_integer_inputs_are_computed_as_floats():
    y_true, y_pred = np.arange(12).reshape(4, 3), np.arange(12).reshape(4, 3) * 2
    np.testing.assert_allclose(losses.mae(y_true, y_pred), np.abs(y_true - y_pred).mean(-1))


def test_is_categorical_crossentropy():
    assert losses.is_categorical_crossentropy("categorical_crossentropy")
    assert losses.is_categorical_crossentropy(losses.categorical_crossentropy)
    assert losses.is_categorical_crossentropy(losses.CategoricalCrossentropy(from_logits=True))
    assert losses.is_categorical_crossentropy(losses.CategoricalCrossentropy)
    assert not losses.is_categorical_crossentropy("sparse_categorical_crossentropy")
    assert not losses.is_categorical_crossentropy(losses.mse)
    assert not losses.is_categorical_crossentropy(lambda y_true, y_pred: y_pred)
