import math

import numpy as np
import pytest

from kerax import activations, backend, ops
from kerax.saving import register_keras_serializable

X = np.linspace(-7.0, 7.0, 29).astype("float32").reshape(29, 1) + np.array([[0.0, 0.13]], dtype="float32")


def np_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def np_softplus(x):
    return np.log1p(np.exp(x))


def np_softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


SELU_ALPHA, SELU_SCALE = 1.6732632423543772, 1.0507009873554805
ERF = np.vectorize(math.erf)

REFERENCES = {
    "sigmoid": np_sigmoid,
    "tanh": np.tanh,
    "relu": lambda x: np.maximum(x, 0),
    "relu6": lambda x: np.clip(x, 0, 6),
    "leaky_relu": lambda x: np.where(x > 0, x, 0.2 * x),
    "elu": lambda x: np.where(x > 0, x, np.exp(x) - 1),
    "selu": lambda x: SELU_SCALE * np.where(x > 0, x, SELU_ALPHA * (np.exp(x) - 1)),
    "softplus": np_softplus,
    "softsign": lambda x: x / (1 + np.abs(x)),
    "silu": lambda x: x * np_sigmoid(x),
    "swish": lambda x: x * np_sigmoid(x),
    "gelu": lambda x: 0.5 * x * (1 + ERF(x / np.sqrt(2))),
    "hard_sigmoid": lambda x: np.clip(x / 6 + 0.5, 0, 1),
    "hard_silu": lambda x: x * np.clip(x / 6 + 0.5, 0, 1),
    "exponential": np.exp,
    "linear": lambda x: x,
    "mish": lambda x: x * np.tanh(np_softplus(x)),
    "log_sigmoid": lambda x: -np_softplus(-x),
    "softmax": np_softmax,
    "log_softmax": lambda x: np.log(np_softmax(x)),
}


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_activation_matches_numpy_formula(name):
    expected = REFERENCES[name](X.astype("float64"))
    np.testing.assert_allclose(np.asarray(activations.get(name)(X)), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", ["relu", "softmax", "sigmoid", "mish", "linear", "elu"])
def test_activation_accepts_variable(name):
    variable = backend.Variable(X)
    expected = REFERENCES[name](X.astype("float64"))
    np.testing.assert_allclose(np.asarray(activations.get(name)(variable)), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kwargs", [
    {"negative_slope": 0.1},
    {"max_value": 3.0},
    {"max_value": 6.0},
    {"threshold": 1.5},
    {"negative_slope": 0.3, "max_value": 4.0, "threshold": 1.1},
    {"negative_slope": 0.3, "threshold": -1.1},
    {"negative_slope": 0.05, "threshold": 2.2},
])
def test_relu_arguments(kwargs):
    slope, max_value, threshold = (kwargs.get("negative_slope", 0.0), kwargs.get("max_value", np.inf),
                                   kwargs.get("threshold", 0.0))
    # Keras's documented definition (no sample lies exactly on the threshold).
    x = X.astype("float64")
    expected = np.where(x >= max_value, max_value, np.where(x > threshold, x, slope * (x - threshold)))
    np.testing.assert_allclose(np.asarray(activations.relu(X, **kwargs)), expected, rtol=1e-5, atol=1e-6)


def test_relu_max_value_clips_at_zero_from_below_like_keras():
    # With a negative threshold, Keras 3 clips to [0, max_value], so values in (threshold, 0) become 0.
    x = np.array([-2.0, -0.5, 0.5, 5.0], dtype="float32")
    np.testing.assert_allclose(np.asarray(activations.relu(x, max_value=4.0, threshold=-1.0)), [0, 0, 0.5, 4])


def test_relu_alpha_is_the_keras2_name_of_negative_slope():
    expected = np.where(X > 0, X, 0.25 * X)
    np.testing.assert_allclose(np.asarray(activations.relu(X, alpha=0.25)), expected, rtol=1e-6)
    np.testing.assert_allclose(np.asarray(activations.leaky_relu(X, alpha=0.25)), expected, rtol=1e-6)


def test_elu_alpha_and_gelu_approximate():
    x = X.astype("float64")
    np.testing.assert_allclose(np.asarray(activations.elu(X, alpha=0.5)),
                               np.where(x > 0, x, 0.5 * (np.exp(x) - 1)), rtol=1e-5, atol=1e-6)
    tanh_gelu = 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x ** 3)))
    np.testing.assert_allclose(np.asarray(activations.gelu(X, approximate=True)), tanh_gelu, rtol=1e-5,
                               atol=1e-5)


@pytest.mark.parametrize("shape,axis", [((5,), -1), ((2, 3, 4), -1), ((2, 3, 4), 1), ((2, 3, 4, 5), 0)])
def test_softmax_any_rank_and_axis(shape, axis):
    x = np.random.default_rng(0).normal(size=shape).astype("float32")
    out = np.asarray(activations.softmax(x, axis=axis))
    np.testing.assert_allclose(out, np_softmax(x.astype("float64"), axis=axis), rtol=1e-5)
    np.testing.assert_allclose(out.sum(axis=axis), 1.0, rtol=1e-5)
    np.testing.assert_allclose(np.asarray(activations.log_softmax(x, axis=axis)),
                               np.log(np_softmax(x.astype("float64"), axis=axis)), rtol=1e-5, atol=1e-5)


def test_get_none_name_and_callables():
    assert activations.get(None) is activations.linear
    assert activations.get("relu") is activations.relu
    assert activations.get("swish") is activations.silu

    def custom(x):
        return x * 2

    assert activations.get(custom) is custom
    assert activations.get(ops.sigmoid) is ops.sigmoid  # what `tf.sigmoid` maps to


def test_get_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match="Unknown activation: 'rleu'") as info:
        activations.get("rleu")
    message = str(info.value)
    assert "Did you mean 'relu'" in message
    assert "Valid names:" in message and "softmax" in message and "tanh" in message


def test_get_rejects_non_callables():
    with pytest.raises(ValueError, match="Could not interpret activation identifier: 3"):
        activations.get(3)


def test_serialize_gives_names_that_get_resolves():
    for name, fn in activations.ALL_OBJECTS_DICT.items():
        serialized = activations.serialize(fn)
        assert isinstance(serialized, str)
        assert activations.get(serialized) is fn, name
    assert activations.serialize(activations.relu) == "relu"
    assert activations.serialize(ops.sigmoid) == "sigmoid"


def test_deserialize_keras3_function_config():
    config = {"module": "keras.activations", "class_name": "function", "config": "relu",
              "registered_name": "relu"}
    assert activations.deserialize(config) is activations.relu
    assert activations.get(config) is activations.relu


def test_registered_custom_activation_round_trips():
    @register_keras_serializable(package="TestActivations")
    def double_it(x):
        return x * 2

    name = activations.serialize(double_it)
    assert name == "TestActivations>double_it"
    assert activations.get(name) is double_it
