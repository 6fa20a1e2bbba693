import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.layers.regularization import (
    ActivityRegularization, GaussianDropout, GaussianNoise, SpatialDropout1D, SpatialDropout2D,
    SpatialDropout3D,
)


def test_gaussian_noise_only_in_training(rng):
    x = np.ones((200, 50), "float32")
    layer = GaussianNoise(0.5, seed=1)
    np.testing.assert_array_equal(np.asarray(layer(x)), x)
    noise = np.asarray(layer(x, training=True)) - x
    assert abs(noise.mean()) < 0.02 and abs(noise.std() - 0.5) < 0.02
    again = np.asarray(layer(x, training=True)) - x
    assert not np.allclose(noise, again)  # a fresh draw each call


def test_gaussian_dropout_statistics(rng):
    x = np.full((200, 50), 2.0, "float32")
    layer = GaussianDropout(0.2, seed=3)
    np.testing.assert_array_equal(np.asarray(layer(x)), x)
    factor = np.asarray(layer(x, training=True)) / 2.0
    assert abs(factor.mean() - 1.0) < 0.02 and abs(factor.std() - np.sqrt(0.2 / 0.8)) < 0.02


@pytest.mark.parametrize("cls, shape, data_format, spatial_axes", [
    (SpatialDropout1D, (4, 6, 8), None, (1,)),
    (SpatialDropout2D, (4, 5, 6, 8), "channels_last", (1, 2)),
    (SpatialDropout2D, (4, 8, 5, 6), "channels_first", (2, 3)),
    (SpatialDropout3D, (2, 3, 3, 3, 8), None, (1, 2, 3)),
])
def test_spatial_dropout_drops_whole_channels(cls, shape, data_format, spatial_axes):
    x = np.ones(shape, "float32")
    layer = cls(0.5, seed=0) if data_format is None else cls(0.5, seed=0, data_format=data_format)
    np.testing.assert_array_equal(np.asarray(layer(x)), x)
    y = np.asarray(layer(x, training=True))
    assert set(np.unique(y)) <= {0.0, 2.0} and 0 < (y == 0).mean() < 1
    # Constant along the spatial axes: each (sample, channel) is dropped or kept as a whole.
    np.testing.assert_array_equal(y.min(axis=spatial_axes), y.max(axis=spatial_axes))


def test_spatial_dropout_needs_the_right_rank():
    with pytest.raises(ValueError, match="expected ndim=4, found ndim=3"):
        SpatialDropout2D(0.5)(np.ones((1, 2, 3), "float32"))


def test_activity_regularization_adds_the_penalty(rng):
    x = rng.normal(size=(4, 3)).astype("float32")
    layer = ActivityRegularization(l1=0.1, l2=0.01)
    np.testing.assert_array_equal(np.asarray(layer(x)), x)
    expected = (0.1 * np.abs(x).sum() + 0.01 * np.square(x).sum()) / 4  # per sample, as in Keras
    np.testing.assert_allclose(float(sum(layer.losses)), expected, rtol=1e-5)


def test_models_fit_and_configs(rng):
    model = kerax.Sequential([
        kerax.Input((4, 4, 2)), GaussianNoise(0.1), SpatialDropout2D(0.2), layers.Flatten(),
        GaussianDropout(0.1), ActivityRegularization(l2=0.01), layers.Dense(1),
    ])
    model.compile(optimizer="sgd", loss="mse")
    x = rng.normal(size=(8, 4, 4, 2))
    history = model.fit(x, rng.normal(size=(8, 1)), batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    # Inference is deterministic: the noise layers pass inputs through.
    np.testing.assert_array_equal(model.predict(x, verbose=0), model.predict(x, verbose=0))

    inputs = kerax.Input((3,))
    functional = kerax.Model(inputs, GaussianNoise(1.0)(inputs))
    np.testing.assert_array_equal(np.asarray(functional(np.ones((1, 3)))), np.ones((1, 3)))

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.noise = GaussianNoise(1.0, seed=2)

        def call(self, inputs, training=None):
            return self.noise(inputs, training=training)

    net = Net()
    assert not np.allclose(np.asarray(net(np.ones((2, 3)), training=True)), 1.0)
    assert len(net.seed_generators) == 1

    for layer in (GaussianNoise(0.3, seed=4), GaussianDropout(0.4), SpatialDropout1D(0.1),
                  SpatialDropout2D(0.2, data_format="channels_first"), SpatialDropout3D(0.3, seed=1),
                  ActivityRegularization(l1=0.2)):
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
    assert "noise_shape" not in SpatialDropout2D(0.2).get_config()
    with pytest.raises(ValueError, match="stddev"):
        GaussianNoise(-1.0)
