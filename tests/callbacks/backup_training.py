"""The training run the BackupAndRestore tests interrupt: `python backup_training.py BACKUP_DIR OUT.npz
[KILL_AT_EPOCH]` trains 5 epochs with Adam and saves the final weights; with KILL_AT_EPOCH the process kills
itself (SIGKILL, no clean-up) when that epoch begins."""
import os
import signal
import sys

import numpy as np

import kerax
from kerax import callbacks, layers

EPOCHS = 5


class KillAt(callbacks.Callback):
    def __init__(self, epoch):
        super().__init__()
        self.epoch = epoch

    def on_epoch_begin(self, epoch, logs=None):
        if epoch == self.epoch:
            os.kill(os.getpid(), signal.SIGKILL)


def train(backup_dir, kill_at=None):
    """(final weights, number of epochs this run trained)."""
    kerax.utils.set_random_seed(0)
    data = np.random.default_rng(0)
    x = data.normal(size=(32, 4)).astype("float32")
    y = (np.sin(x[:, :1]) + x[:, 1:2]).astype("float32")
    model = kerax.Sequential([layers.Input((4,)), layers.Dense(8, activation="tanh"), layers.Dense(1)])
    model.compile(kerax.optimizers.Adam(0.01), "mse")
    hooks = [callbacks.BackupAndRestore(backup_dir)] + ([KillAt(kill_at)] if kill_at is not None else [])
    history = model.fit(x, y, batch_size=8, epochs=EPOCHS, shuffle=False, verbose=0, callbacks=hooks)
    return model.get_weights(), len(history.history["loss"])


if __name__ == "__main__":
    weights, epochs_run = train(sys.argv[1], int(sys.argv[3]) if len(sys.argv) > 3 else None)
    np.savez(sys.argv[2], epochs_run=epochs_run, *weights)
