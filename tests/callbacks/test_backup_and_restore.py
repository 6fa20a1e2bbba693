"""BackupAndRestore: a killed fit resumes from its last backup and ends where an uninterrupted one does;
Keras's documented resume example; batch-frequency backups; falling back to the previous backup."""
import importlib.util
import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

import kerax
from kerax import callbacks, layers

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
_spec = importlib.util.spec_from_file_location("backup_training", os.path.join(HERE, "backup_training.py"))
backup_training = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(backup_training)


def run_script(backup_dir, out, kill_at=None):
    env = {**os.environ, "PYTHONPATH": ROOT, "KERAX_COMPILATION_CACHE": "0"}
    args = [sys.executable, os.path.join(HERE, "backup_training.py"), str(backup_dir), str(out)]
    return subprocess.run(args + ([str(kill_at)] if kill_at is not None else []), env=env,
                          capture_output=True, text=True, timeout=180)


def test_a_killed_fit_resumes_and_ends_with_the_uninterrupted_weights(tmp_path):
    backup_dir, out = tmp_path / "backup", tmp_path / "final.npz"
    killed = run_script(backup_dir, out, kill_at=2)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]
    assert not out.exists()
    assert json.loads((backup_dir / "training_metadata.json").read_text()) == {"epoch": 2, "batch": 0}
    resumed = run_script(backup_dir, out)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert not backup_dir.exists()  # delete_checkpoint=True
    saved = np.load(out)
    assert int(saved["epochs_run"]) == backup_training.EPOCHS - 2
    expected, epochs_run = backup_training.train(str(tmp_path / "other_backup"))
    assert epochs_run == backup_training.EPOCHS
    for i, weights in enumerate(expected):
        np.testing.assert_allclose(saved[f"arr_{i}"], weights, rtol=1e-6, atol=1e-7)


class InterruptAt(callbacks.Callback):
    def __init__(self, epoch):
        super().__init__()
        self.epoch = epoch

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.epoch:
            raise RuntimeError("Interrupting!")


def small_model():
    model = kerax.Sequential([layers.Input((20,)), layers.Dense(10)])
    model.compile(kerax.optimizers.SGD(), loss="mse")
    return model


def test_keras_documented_example(tmp_path):
    backup = callbacks.BackupAndRestore(backup_dir=str(tmp_path / "backup"))
    model = small_model()
    x, y = np.arange(100).reshape(5, 20).astype("float32") / 100, np.zeros(5)
    with pytest.raises(RuntimeError, match="Interrupting"):
        model.fit(x, y, epochs=10, batch_size=1, callbacks=[backup, InterruptAt(4)], verbose=0)
    history = model.fit(x, y, epochs=10, batch_size=1, callbacks=[backup], verbose=0)
    assert len(history.history["loss"]) == 6


def test_batch_frequency_backups_and_double_checkpoint_fallback(tmp_path):
    backup_dir = tmp_path / "backup"
    backup = callbacks.BackupAndRestore(str(backup_dir), save_freq=5, double_checkpoint=True,
                                        delete_checkpoint=False)
    model = small_model()
    x, y = np.ones((8, 20), "float32"), np.zeros((8, 10))
    model.fit(x, y, epochs=3, batch_size=2, callbacks=[backup], verbose=0)  # 4 batches an epoch
    # Backups after the 5th and 10th batch: epoch 1 batch 0, then epoch 2 batch 1.
    assert json.loads((backup_dir / "training_metadata.json").read_text()) == {"epoch": 2, "batch": 1}
    assert json.loads((backup_dir / "training_metadata.json.bkp").read_text()) == {"epoch": 1, "batch": 0}
    (backup_dir / "latest.weights.h5").write_bytes(b"not hdf5")  # the newest backup got corrupted
    fresh = small_model()
    restored = callbacks.BackupAndRestore(str(backup_dir))
    restored.set_model(fresh)
    restored.on_train_begin()
    assert fresh._initial_epoch == 1


def test_argument_and_build_errors(tmp_path):
    with pytest.raises(ValueError, match="Empty `backup_dir`"):
        callbacks.BackupAndRestore("")
    with pytest.raises(ValueError, match="Expected either 'epoch' or an integer"):
        callbacks.BackupAndRestore(str(tmp_path), save_freq="batch")
    unbuilt = kerax.Sequential([layers.Dense(1)])
    unbuilt.compile("sgd", "mse")
    with pytest.raises(ValueError, match="must be built before you call `fit\\(\\)`"):
        unbuilt.fit(np.ones((2, 3)), np.ones(2), callbacks=[callbacks.BackupAndRestore(str(tmp_path))],
                    verbose=0)
