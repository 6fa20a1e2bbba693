import os

import numpy as np
import pytest

import kerax
from kerax.callbacks import ModelCheckpoint


def _fit(model, data, callbacks, epochs=3):
    x, y = data
    callbacks = callbacks if isinstance(callbacks, list) else [callbacks]
    return model.fit(x, y, batch_size=4, epochs=epochs, verbose=0, validation_data=(x, y), shuffle=False,
                     callbacks=callbacks)


def test_filenames_are_formatted_from_epoch_and_logs(tmp_path, linear_model, regression_data):
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01)
    pattern = str(tmp_path / "ckpt" / "weights.{epoch:02d}-{val_loss:.2f}.h5")
    history = _fit(model, regression_data, ModelCheckpoint(pattern, save_weights_only=True))
    expected = {f"weights.{i + 1:02d}-{v:.2f}.h5" for i, v in enumerate(history.history["val_loss"])}
    assert set(os.listdir(tmp_path / "ckpt")) == expected


def test_saved_files_restore_the_weights_of_that_epoch(tmp_path, linear_model, regression_data):
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01)
    weights_only = ModelCheckpoint(str(tmp_path / "w{epoch}.weights.h5"), save_weights_only=True)
    _fit(model, regression_data, [weights_only, ModelCheckpoint(str(tmp_path / "model.keras"))], epochs=2)
    final = model.get_weights()
    fresh = linear_model(np.ones((3, 1)), np.ones(1))
    fresh.load_weights(str(tmp_path / "w2.weights.h5"))
    restored = kerax.models.load_model(str(tmp_path / "model.keras"))
    for a, b, c in zip(fresh.get_weights(), restored.get_weights(), final):
        np.testing.assert_array_equal(a, c)
        np.testing.assert_array_equal(b, c)


class _Saves:
    """Records the paths a checkpoint asks the model to write (the saving code has its own tests)."""

    def __init__(self):
        self.paths = []
        self.stop_training = False

    def save_weights(self, path, overwrite=True):
        self.paths.append(os.path.basename(path))

    save = save_weights


def _drive(callback, values, key="val_loss"):
    model = _Saves()
    callback.set_model(model)
    callback.on_train_begin()
    for epoch, value in enumerate(values):
        callback.on_epoch_begin(epoch)
        callback.on_epoch_end(epoch, {key: value})
    return model.paths


def test_save_best_only_saves_improvements(tmp_path, capsys):
    path = str(tmp_path / "e{epoch}.h5")
    best_only = ModelCheckpoint(path, save_best_only=True, verbose=1)
    assert _drive(best_only, [0.5, 0.6, 0.4]) == ["e1.h5", "e3.h5"]
    out = capsys.readouterr().out
    assert "Epoch 1: val_loss improved from inf to 0.50000, saving model to" in out
    assert "Epoch 2: val_loss did not improve from 0.50000" in out
    assert _drive(ModelCheckpoint(path, monitor="val_accuracy", save_best_only=True), [0.5, 0.4, 0.7],
                  "val_accuracy") == ["e1.h5", "e3.h5"]
    assert _drive(ModelCheckpoint(path, save_best_only=True, initial_value_threshold=0.45),
                  [0.5, 0.6, 0.4]) == ["e3.h5"]
    assert _drive(ModelCheckpoint(path), [0.5, 0.6, 0.4]) == ["e1.h5", "e2.h5", "e3.h5"]
    assert _drive(ModelCheckpoint(path, period=2), [0.5, 0.6, 0.4, 0.3]) == ["e2.h5", "e4.h5"]


def test_save_best_only_warns_when_monitor_is_missing(tmp_path):
    with pytest.warns(UserWarning, match="`val_loss` which is not available. Available metrics are: loss"):
        assert _drive(ModelCheckpoint(str(tmp_path / "m.h5"), save_best_only=True), [1.0], "loss") == []


def _recording_saves(model):
    saved = []
    model.save = lambda path, overwrite=True: saved.append(os.path.basename(path))
    return saved


def test_integer_save_freq_saves_every_n_batches(tmp_path, linear_model, regression_data):
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01)  # 16 samples / 4 = 4 batches per epoch
    saved = _recording_saves(model)
    _fit(model, regression_data, ModelCheckpoint(str(tmp_path / "{epoch}-{batch}.keras"), save_freq=3),
         epochs=2)
    # Global batches 3 and 6 = epoch 1 batch 3, epoch 2 batch 2.
    assert saved == ["1-3.keras", "2-2.keras"]


def test_integer_save_freq_with_grouped_steps_saves_at_group_ends(tmp_path, linear_model, regression_data):
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01, steps_per_execution=2)
    saved = _recording_saves(model)
    _fit(model, regression_data, ModelCheckpoint(str(tmp_path / "{epoch}-{batch}.keras"), save_freq=3),
         epochs=2)
    # Groups end after batches 2 and 4 of each epoch: 2 batches, then 4 (>= 3: save), then 2, then 4 (save).
    assert saved == ["1-4.keras", "2-4.keras"]


def test_saving_per_epoch_lets_fit_group_steps():
    assert ModelCheckpoint("m.h5").handles_grouped_batches
    assert not ModelCheckpoint("m.h5", save_freq=2).handles_grouped_batches


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match="Unrecognized save_freq: 'often'"):
        ModelCheckpoint("m.h5", save_freq="often")
    with pytest.raises(KeyError, match=r"Failed to format this callback filepath: \"m-\{val_acc\}.h5\""):
        _drive(ModelCheckpoint("m-{val_acc}.h5"), [1.0])
