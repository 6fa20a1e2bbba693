"""BackupAndRestore: a `fit` that was interrupted (even killed) resumes from the last backup when it is run
again, and ends with the weights an uninterrupted run would have.

The backup is `<backup_dir>/latest.weights.h5` (the model's weights and the optimizer state, Keras 3's
weights layout) and `<backup_dir>/training_metadata.json` (`{"epoch": next epoch, "batch": ...}`), both
replaced atomically. `fit` reads `model._initial_epoch`, which `on_train_begin` sets from the metadata.
"""
import json
import os
import shutil

from kerax.callbacks.batch_counter import BatchCounter
from kerax.callbacks.callback import Callback


class BackupAndRestore(Callback):
    def __init__(self, backup_dir, save_freq="epoch", double_checkpoint=False, delete_checkpoint=True):
        super().__init__()
        if not backup_dir:
            raise ValueError("Empty `backup_dir` argument passed")
        if save_freq != "epoch" and (not isinstance(save_freq, int) or isinstance(save_freq, bool)):
            raise ValueError(f"Invalid value for argument `save_freq`. Received: save_freq={save_freq}. "
                             "Expected either 'epoch' or an integer value.")
        self.backup_dir = os.fspath(backup_dir)
        self.save_freq = save_freq
        self.double_checkpoint = double_checkpoint
        self.delete_checkpoint = delete_checkpoint
        self._weights_path = os.path.join(self.backup_dir, "latest.weights.h5")
        self._metadata_path = os.path.join(self.backup_dir, "training_metadata.json")
        self._current_epoch = 0
        self._last_batch_seen = 0
        self._since_save = 0
        self._counter = BatchCounter()
        # Backing up per epoch needs no batch hooks: fit may then group steps freely.
        self.handles_grouped_batches = save_freq == "epoch"

    def on_train_begin(self, logs=None):
        try:
            self._load_model()
        except (OSError, ValueError):
            previous = self._weights_path + ".bkp"
            if not os.path.exists(previous):
                raise
            # The newest backup is unreadable: fall back to the one before it.
            shutil.copyfile(previous, self._weights_path)
            if os.path.exists(self._metadata_path + ".bkp"):
                shutil.copyfile(self._metadata_path + ".bkp", self._metadata_path)
            elif os.path.exists(self._metadata_path):
                os.remove(self._metadata_path)
            self._load_model()

    def _load_model(self):
        if not self.model.built:
            raise ValueError(
                "To use the BackupAndRestore callback, your model must be built before you call `fit()`. "
                f"Model {self.model.name} is unbuilt. You can build it beforehand by calling it on a batch "
                "of data (or give it an `Input`)."
            )
        if os.path.exists(self._weights_path):
            self.model.load_weights(self._weights_path)  # optimizer state included
        if os.path.exists(self._metadata_path):
            with open(self._metadata_path) as f:
                self.model._initial_epoch = json.load(f)["epoch"]

    def on_epoch_begin(self, epoch, logs=None):
        self._counter.start_epoch()

    def on_epoch_end(self, epoch, logs=None):
        self._current_epoch = epoch + 1
        self._last_batch_seen = 0
        if self.save_freq == "epoch":
            self._save_model()

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        self._since_save += self._counter.advance(batch)
        self._last_batch_seen = batch
        if self._since_save >= self.save_freq:
            self._since_save = 0
            self._save_model()

    def _save_model(self):
        os.makedirs(self.backup_dir, exist_ok=True)
        if self.double_checkpoint:
            for path in (self._weights_path, self._metadata_path):
                if os.path.exists(path):
                    shutil.copyfile(path, path + ".bkp")
        self.model.save_weights(self._weights_path, overwrite=True)
        temporary = self._metadata_path + ".tmp"
        with open(temporary, "w") as f:
            json.dump({"epoch": self._current_epoch, "batch": self._last_batch_seen}, f)
        os.replace(temporary, self._metadata_path)

    def on_train_end(self, logs=None):
        if self.delete_checkpoint and os.path.exists(self.backup_dir):
            shutil.rmtree(self.backup_dir)
