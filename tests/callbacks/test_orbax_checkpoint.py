"""OrbaxCheckpoint: step directories every `save_freq` batches, the newest `max_to_keep` kept, the latest
restored by `model.load_weights(directory)` with the optimizer state, or the whole model by
`kerax.saving.load_model(directory)`. orbax-checkpoint is optional: without
it the callback says how to install it."""
import importlib
import importlib.util
import os

import numpy as np
import pytest

import kerax
from kerax import layers

HAS_ORBAX = importlib.util.find_spec("orbax") is not None


def _model():
    model = kerax.Sequential([kerax.Input((4,)), layers.Dense(3), layers.BatchNormalization(),
                              layers.Dense(1)])
    model.compile(kerax.optimizers.Adam(0.01), "mse")
    return model


def test_without_orbax_the_callback_says_how_to_install_it(tmp_path, monkeypatch):
    real_import = importlib.import_module

    def without_orbax(name, *args):
        if name.startswith("orbax"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args)

    monkeypatch.setattr(importlib, "import_module", without_orbax)
    with pytest.raises(ImportError, match="pip install orbax-checkpoint"):
        kerax.callbacks.OrbaxCheckpoint(tmp_path)


@pytest.mark.skipif(not HAS_ORBAX, reason="orbax-checkpoint (the optional extra kerax[orbax]) is missing")
def test_saves_every_n_batches_keeps_latest_and_restores(tmp_path):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(32, 4)).astype("float32"), rng.normal(size=(32, 1)).astype("float32")
    model = _model()
    callback = kerax.callbacks.OrbaxCheckpoint(tmp_path, save_freq=2, max_to_keep=2, save_on_background=False)
    model.fit(x, y, batch_size=8, epochs=2, callbacks=[callback], verbose=0)  # 8 batches: steps 2, 4, 6, 8
    assert sorted(int(name) for name in os.listdir(tmp_path) if name.isdigit()) == [6, 8]
    restored = _model()
    restored.load_weights(tmp_path)
    for saved, loaded in zip(model.get_weights(), restored.get_weights()):
        np.testing.assert_array_equal(loaded, saved)
    for saved, loaded in zip(model.optimizer.variables, restored.optimizer.variables):
        np.testing.assert_array_equal(loaded.numpy(), saved.numpy())
    assert int(restored.optimizer.iterations.numpy()) == 8
    loaded = kerax.saving.load_model(tmp_path)  # rebuilt from the saved config, compiled, latest step
    np.testing.assert_allclose(loaded.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)
    assert type(loaded.optimizer).__name__ == "Adam" and int(loaded.optimizer.iterations.numpy()) == 8
    with pytest.raises(ValueError, match="Unrecognized save_freq"):
        kerax.callbacks.OrbaxCheckpoint(tmp_path, save_freq="batch")
