import numpy as np
import pytest

import kerax
from kerax.layers.normalization import LayerNormalization


def numpy_layer_norm(x, axes, gamma, beta, epsilon=1e-3):
    mean = x.mean(axes, keepdims=True)
    var = x.var(axes, keepdims=True)
    return (x - mean) / np.sqrt(var + epsilon) * gamma + beta


def test_last_axis_matches_numpy(rng):
    layer = LayerNormalization()
    x = rng.normal(3.0, 2.0, size=(2, 3, 4)).astype("float32")
    layer.build(x.shape)
    gamma, beta = rng.normal(size=4).astype("float32"), rng.normal(size=4).astype("float32")
    layer.set_weights([gamma, beta])
    y = np.asarray(layer(x))
    assert y.shape == (2, 3, 4) and y.dtype == np.float32
    np.testing.assert_allclose(y, numpy_layer_norm(x, -1, gamma, beta), rtol=1e-4, atol=1e-4)
    assert [w.path for w in layer.weights] == ["layer_normalization/gamma", "layer_normalization/beta"]


def test_several_axes_and_no_parameters(rng):
    layer = LayerNormalization(axis=[1, 2], epsilon=1e-5, center=False, scale=False)
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    np.testing.assert_allclose(np.asarray(layer(x)), numpy_layer_norm(x, (1, 2), 1.0, 0.0, 1e-5), atol=1e-4)
    assert layer.weights == []


def test_rms_scaling(rng):
    layer = LayerNormalization(rms_scaling=True)
    x = rng.normal(size=(3, 5)).astype("float32")
    expected = x / np.sqrt(np.mean(x ** 2, -1, keepdims=True) + 1e-3)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-4, atol=1e-5)
    assert [w.name for w in layer.weights] == ["gamma"]


def test_models_fit_and_config(rng):
    inputs = kerax.Input((4,))
    outputs = kerax.layers.Dense(1)(LayerNormalization()(inputs))
    model = kerax.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(rng.normal(size=(8, 4)), rng.normal(size=(8, 1)), batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    sequential = kerax.Sequential([kerax.Input((4,)), LayerNormalization(center=False)])
    x = rng.normal(size=(2, 4)).astype("float32")
    np.testing.assert_allclose(np.asarray(sequential(x)), numpy_layer_norm(x, -1, 1.0, 0.0), atol=1e-4)

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.norm = LayerNormalization(scale=False)

        def call(self, inputs):
            return self.norm(inputs)

    np.testing.assert_allclose(np.asarray(Net()(x)), numpy_layer_norm(x, -1, 1.0, 0.0), atol=1e-4)

    layer = LayerNormalization(axis=[1, 2], epsilon=1e-6, beta_initializer="ones", name="ln")
    config = layer.get_config()
    assert config["axis"] == [1, 2] and config["epsilon"] == 1e-6
    assert LayerNormalization.from_config(config).get_config() == config


def test_errors_name_layer_and_shape():
    with pytest.raises(ValueError, match=r'"ln".*axis 2.*\(None, 3\)'):
        LayerNormalization(axis=2, name="ln").build((None, 3))
    with pytest.raises(ValueError, match=r"axis 1 of the input must be known"):
        LayerNormalization(name="ln2").build((None, None))
