import numpy as np
import pytest

import kerax
from kerax import layers


def test_dense_matches_numpy(rng):
    layer = layers.Dense(4, activation="relu")
    x = rng.normal(size=(3, 5)).astype("float32")
    y = np.asarray(layer(x))
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(y, np.maximum(x @ kernel + bias, 0), rtol=1e-5, atol=1e-6)
    assert [w.path for w in layer.weights] == ["dense/kernel", "dense/bias"]


def test_dense_on_rank3_inputs(rng):
    layer = layers.Dense(2, use_bias=False)
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    np.testing.assert_allclose(np.asarray(layer(x)), x @ layer.get_weights()[0], rtol=1e-5)


def test_seed_arguments_and_legacy_names():
    """Every argument seed 002 lists, and the Keras 1 spelling from seed 001."""
    layer = layers.Dense(64, activation="sigmoid", use_bias=True, kernel_initializer="orthogonal",
                         bias_initializer=kerax.initializers.constant(2.0),
                         kernel_regularizer=kerax.regularizers.l1(0.01),
                         bias_regularizer=kerax.regularizers.l2(0.01),
                         activity_regularizer=kerax.regularizers.l2(0.01),
                         kernel_constraint=kerax.constraints.max_norm(2.0), bias_constraint=None)
    layer.build((None, 16))
    np.testing.assert_allclose(layer.bias.numpy(), np.full(64, 2.0))
    kernel = layer.kernel.numpy()
    np.testing.assert_allclose(kernel @ kernel.T, np.eye(16), atol=1e-5)  # orthogonal rows
    old = layers.Dense(50, W_regularizer=kerax.regularizers.l2(0.0001))
    assert old.kernel_regularizer is not None
    layers.Dense(64, activation=kerax.ops.sigmoid)


def test_regularization_losses_match_formula(rng):
    layer = layers.Dense(3, kernel_regularizer=kerax.regularizers.l1(0.01),
                         bias_regularizer=kerax.regularizers.l2(0.01), bias_initializer="ones")
    layer(np.zeros((1, 2), "float32"))
    expected = 0.01 * np.abs(layer.kernel.numpy()).sum() + 0.01 * 3.0
    np.testing.assert_allclose(float(sum(layer.losses)), expected, rtol=1e-5)


def test_wrong_input_shape_names_layer_and_shapes():
    layer = layers.Dense(4)
    layer(np.zeros((2, 3), "float32"))
    with pytest.raises(ValueError, match=r'layer "dense".*axis -1.*value 3.*\(2, 5\)'):
        layer(np.zeros((2, 5), "float32"))


def test_config_round_trip():
    layer = layers.Dense(7, activation="tanh", kernel_regularizer=kerax.regularizers.l2(0.5), name="d")
    config = layer.get_config()
    assert config["units"] == 7 and config["activation"] == "tanh"
    assert config["kernel_initializer"]["class_name"] == "GlorotUniform"
    again = layers.Dense.from_config(config)
    assert again.get_config() == config


def test_invalid_units():
    with pytest.raises(ValueError, match="units"):
        layers.Dense(0)
