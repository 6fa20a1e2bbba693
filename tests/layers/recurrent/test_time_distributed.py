import numpy as np
import pytest

import kerax
from kerax.layers import Dense, Dropout
from kerax.layers.recurrent import TimeDistributed


def test_dense_applied_to_every_step(rng):
    layer = TimeDistributed(Dense(3, activation="relu"))
    x = rng.normal(size=(2, 4, 5)).astype("float32")
    y = np.asarray(layer(x))
    kernel, bias = layer.get_weights()
    assert y.shape == (2, 4, 3) and [w.shape for w in layer.weights] == [(5, 3), (3,)]
    expected = np.stack([np.maximum(x[:, t] @ kernel + bias, 0) for t in range(4)], axis=1)
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


def test_in_functional_model_with_unknown_time_steps(rng):
    inputs = kerax.Input((None, 5))
    outputs = TimeDistributed(Dense(2))(inputs)
    assert tuple(outputs.shape) == (None, None, 2)
    model = kerax.Model(inputs, outputs)
    assert model(np.zeros((3, 7, 5), "float32")).shape == (3, 7, 2)


def test_passes_training_to_the_wrapped_layer():
    layer = TimeDistributed(Dropout(0.5, seed=1))
    x = np.ones((2, 3, 8), "float32")
    np.testing.assert_allclose(np.asarray(layer(x)), x)
    assert np.any(np.asarray(layer(x, training=True)) == 0)


def test_rejects_non_layers():
    with pytest.raises(ValueError, match="must be a layer instance"):
        TimeDistributed("dense")
