import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.layers.preprocessing import Normalization, Rescaling


def test_rescaling_matches_formula(rng):
    pixels = rng.integers(0, 256, size=(2, 4, 4, 3)).astype("uint8")
    y = np.asarray(Rescaling(1.0 / 255)(pixels))
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, pixels / 255.0, rtol=1e-6)
    centred = np.asarray(Rescaling(scale=1.0 / 127.5, offset=-1)(pixels))
    np.testing.assert_allclose(centred, pixels / 127.5 - 1, rtol=1e-5, atol=1e-6)
    per_channel = np.asarray(Rescaling([1.0, 2.0, 3.0])(pixels))
    np.testing.assert_allclose(per_channel, pixels * np.array([1.0, 2.0, 3.0]), rtol=1e-6)


def test_normalization_adapts_to_an_array(rng):
    data = rng.normal([1.0, -2.0, 5.0], [0.5, 2.0, 3.0], size=(50, 3)).astype("float32")
    layer = Normalization()
    layer.adapt(data)
    np.testing.assert_allclose(layer.adapt_mean.numpy(), data.mean(0), rtol=1e-5)
    np.testing.assert_allclose(layer.adapt_variance.numpy(), data.var(0), rtol=1e-4)
    # mean, variance and (as in Keras, for older files) count
    assert layer.trainable_weights == []
    assert [w.name for w in layer.non_trainable_weights] == ["mean", "variance", "count"]
    y = np.asarray(layer(data))
    np.testing.assert_allclose(y, (data - data.mean(0)) / data.std(0), rtol=1e-3, atol=1e-4)
    np.testing.assert_allclose(y.mean(0), 0.0, atol=1e-5)


def test_normalization_adapts_to_a_dataset_of_batches(rng):
    data = rng.normal(3.0, 2.0, size=(30, 2, 4)).astype("float32")
    layer = Normalization(axis=-1)
    layer.adapt(kerax.data.Dataset.from_tensor_slices(data).batch(7))
    np.testing.assert_allclose(layer.adapt_mean.numpy(), data.mean((0, 1)), rtol=1e-5)
    np.testing.assert_allclose(layer.adapt_variance.numpy(), data.var((0, 1)), rtol=1e-4)

    scalar = Normalization(axis=None)
    scalar.adapt(data, batch_size=8)
    np.testing.assert_allclose(scalar.adapt_mean.numpy(), data.mean(), rtol=1e-5)
    with pytest.raises(ValueError, match=r"map\(lambda x, y: x\)"):
        Normalization().adapt(kerax.data.Dataset.from_tensor_slices((data, data)).batch(4))


def test_given_statistics_invert_and_errors(rng):
    x = rng.normal(size=(4, 2)).astype("float32")
    layer = Normalization(mean=[1.0, 2.0], variance=[4.0, 9.0])
    np.testing.assert_allclose(np.asarray(layer(x)), (x - [1, 2]) / [2, 3], rtol=1e-5)
    assert layer.weights == []
    inverse = Normalization(mean=[1.0, 2.0], variance=[4.0, 9.0], invert=True)
    np.testing.assert_allclose(np.asarray(inverse(layer(x))), x, rtol=1e-5, atol=1e-6)
    with pytest.raises(ValueError, match="both `mean` and `variance` must be set"):
        Normalization(mean=1.0)
    with pytest.raises(ValueError, match="cannot also adapt"):
        layer.adapt(x)


def test_models_fit_and_configs(rng):
    data = rng.normal(10.0, 5.0, size=(8, 3)).astype("float32")
    norm = Normalization()
    norm.adapt(data)
    model = kerax.Sequential([kerax.Input((3,)), Rescaling(0.5), norm, layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(data, rng.normal(size=(8, 1)), batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    np.testing.assert_allclose(norm.adapt_mean.numpy(), data.mean(0), rtol=1e-5)  # fit leaves it alone

    inputs = kerax.Input((3,))
    functional = kerax.Model(inputs, Normalization(mean=2.0, variance=4.0)(inputs))
    np.testing.assert_allclose(np.asarray(functional(data)), (data - 2.0) / 2.0, rtol=1e-5)

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.scale = Rescaling(2.0, offset=1.0)

        def call(self, inputs):
            return self.scale(inputs)

    np.testing.assert_allclose(np.asarray(Net()(data)), data * 2 + 1, rtol=1e-6)
    for layer in (Rescaling(1 / 255.0, name="r"), Rescaling([1.0, 2.0], offset=[0.5, 0.5]),
                  Normalization(axis=[1, 2], invert=True),
                  Normalization(mean=[1.0, 2.0], variance=[3.0, 4.0])):
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
