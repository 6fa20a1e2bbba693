import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.layers.reshaping.permute import Permute
from kerax.layers.reshaping.repeat_vector import RepeatVector


def test_permute_matches_numpy_transpose(rng):
    x = rng.normal(size=(2, 3, 4, 5)).astype("float32")
    layer = Permute((3, 1, 2))
    np.testing.assert_array_equal(np.asarray(layer(x)), x.transpose(0, 3, 1, 2))
    assert layer.compute_output_shape((None, 3, 4, 5)) == (None, 5, 3, 4)
    assert Permute((2, 1))(kerax.Input((10, 64))).shape == (None, 64, 10)


def test_repeat_vector_matches_numpy(rng):
    x = rng.normal(size=(2, 3)).astype("float32")
    y = np.asarray(RepeatVector(4)(x))
    assert y.shape == (2, 4, 3)
    np.testing.assert_array_equal(y, np.stack([x] * 4, axis=1))
    assert RepeatVector(np.int64(2))(kerax.Input((3,))).shape == (None, 2, 3)


def test_argument_and_input_errors():
    with pytest.raises(ValueError, match=r"consecutive and start from 1. Received dims=\(0, 1\)"):
        Permute((0, 1))
    with pytest.raises(ValueError, match="positive integer, received n=0"):
        RepeatVector(0)
    with pytest.raises(ValueError, match=r'"repeat_vector(_1)?".*expected ndim=2, found ndim=3'):
        RepeatVector(2)(np.zeros((1, 2, 3), "float32"))


def test_in_models_fit_and_config(rng):
    model = kerax.Sequential([kerax.Input((3,)), RepeatVector(2), Permute((2, 1)), layers.Flatten(),
                              layers.Dense(1)])
    assert model.output_shape == (None, 1)
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(rng.normal(size=(8, 3)), rng.normal(size=(8, 1)), batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    inputs = kerax.Input((3,))
    functional = kerax.Model(inputs, Permute((2, 1))(RepeatVector(2)(inputs)))
    x = rng.normal(size=(2, 3)).astype("float32")
    np.testing.assert_array_equal(np.asarray(functional(x)), np.stack([x, x], axis=2))

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.repeat = RepeatVector(3)

        def call(self, inputs):
            return self.repeat(inputs)

    assert np.asarray(Net()(x)).shape == (2, 3, 3)
    for layer in (Permute((2, 1), name="p"), RepeatVector(5)):
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
