"""A saved and reloaded model resumes training exactly where it stopped: fit 2 epochs, save, load, fit 1
more gives the weights of fitting 3 epochs in one go (same seed, no shuffling), in every model format."""
import numpy as np
import pytest

import kerax
import kerax.experimental
from kerax import layers

rng = np.random.default_rng(0)
x = rng.random((48, 6)).astype("float32")
y = rng.random((48, 2)).astype("float32")


def make_model():
    kerax.utils.set_random_seed(7)
    inputs = kerax.Input((6,), name="features")
    hidden = layers.Dense(5, activation="tanh", kernel_regularizer=kerax.regularizers.l2(0.01))(inputs)
    model = kerax.Model(inputs, layers.Dense(2, name="out")(hidden))
    model.compile(optimizer=kerax.optimizers.Adam(0.05), loss="mse", metrics=["mae"])
    return model


def fit(model, epochs):
    model.fit(x, y, batch_size=16, epochs=epochs, shuffle=False, verbose=0)


@pytest.fixture(scope="module")
def three_epochs():
    model = make_model()
    fit(model, 3)
    return model.get_weights()


@pytest.mark.parametrize("name", ["model.keras", "model.h5", "model_dir"])
def test_fit_save_load_fit_equals_uninterrupted_fit(tmp_path, three_epochs, name):
    model = make_model()
    fit(model, 2)
    path = str(tmp_path / name)
    model.save(path)
    restored = kerax.models.load_model(path)
    assert int(restored.optimizer.iterations.numpy()) == 6
    assert restored.get_compile_config()["loss"] == "mse"
    fit(restored, 1)
    for expected, resumed in zip(three_epochs, restored.get_weights()):
        np.testing.assert_allclose(resumed, expected, rtol=1e-6, atol=1e-7)


def test_native_weights_file_also_restores_the_optimizer(tmp_path, three_epochs):
    model = make_model()
    fit(model, 2)
    model.save_weights(str(tmp_path / "ckpt"))
    fresh = make_model()
    fresh.load_weights(str(tmp_path / "ckpt"))
    fit(fresh, 1)
    for expected, resumed in zip(three_epochs, fresh.get_weights()):
        np.testing.assert_allclose(resumed, expected, rtol=1e-6, atol=1e-7)


def test_export_saved_model_round_trips_weights_and_compile_config(tmp_path):
    model = make_model()
    kerax.experimental.export_saved_model(model, str(tmp_path / "exported"))
    restored = kerax.experimental.load_from_saved_model(str(tmp_path / "exported"))
    assert sorted(p.name for p in (tmp_path / "exported").iterdir()) == [
        "config.json", "metadata.json", "model.weights.h5"]
    assert restored.get_compile_config() == model.get_compile_config()
    for expected, restored_weight in zip(model.get_weights(), restored.get_weights()):
        np.testing.assert_array_equal(restored_weight, expected)


def test_load_without_compile_gives_an_uncompiled_model(tmp_path):
    model = make_model()
    model.save(str(tmp_path / "m.keras"))
    restored = kerax.models.load_model(str(tmp_path / "m.keras"), compile=False)
    assert not restored.compiled
    np.testing.assert_allclose(restored.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
