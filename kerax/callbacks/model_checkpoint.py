"""ModelCheckpoint: saves the model or its weights every epoch (or every N batches), optionally only when a
monitored quantity improves."""
import os

from kerax import backend
from kerax.callbacks.batch_counter import BatchCounter
from kerax.callbacks.callback import Callback
from kerax.callbacks.monitor import Monitor


class ModelCheckpoint(Callback):
    """`filepath` may hold format fields filled from the epoch (1-based), the batch (1-based, when saving
    every N batches) and the logs: `weights.{epoch:02d}-{val_loss:.2f}.h5`. The file is written with
    `model.save_weights(path)` or `model.save(path)`, whose format follows the extension. `save_freq` is
    'epoch' or a number of batches; `options` (TensorFlow SaveOptions) is accepted and ignored."""

    def __init__(self, filepath, monitor="val_loss", verbose=0, save_best_only=False,
                 save_weights_only=False, mode="auto", save_freq="epoch", initial_value_threshold=None,
                 options=None, period=None):
        super().__init__()
        if save_freq != "epoch" and not (isinstance(save_freq, int) and save_freq > 0):
            raise ValueError(
                f"Unrecognized save_freq: {save_freq!r}. Expected save_freq are 'epoch' or a positive "
                "integer number of batches."
            )
        self.filepath = os.fspath(filepath)
        self.monitor = monitor
        self.verbose = verbose
        self.save_best_only = save_best_only
        self.save_weights_only = save_weights_only
        self.save_freq = save_freq
        self.period = period or 1  # Keras 2: save every `period` epochs
        self._rule = Monitor(monitor, mode, 0, "ModelCheckpoint")
        self.best = self._rule.worst if initial_value_threshold is None else initial_value_threshold
        self._counter = BatchCounter()
        self._since_save = 0
        # Saving per epoch needs no batch hooks: fit may then group steps freely.
        self.handles_grouped_batches = save_freq == "epoch"

    def on_epoch_begin(self, epoch, logs=None):
        self._epoch = epoch
        self._counter.start_epoch()

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        self._since_save += self._counter.advance(batch)
        if self._since_save >= self.save_freq:
            self._since_save = 0
            self._save(self._epoch, batch, logs)

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch" and (epoch + 1) % self.period == 0:
            self._save(epoch, None, logs)

    def _save(self, epoch, batch, logs):
        filepath = self._get_file_path(epoch, batch, logs)
        if self.save_best_only:
            current = self._rule.read(logs, "Saving the best model only")
            if current is None:
                return
            if not self._rule.better(current, self.best):
                self._say(f"Epoch {epoch + 1}: {self.monitor} did not improve from {self.best:.5f}")
                return
            self._say(f"Epoch {epoch + 1}: {self.monitor} improved from {self.best:.5f} to {current:.5f}, "
                      f"saving model to {filepath}")
            self.best = current
        else:
            self._say(f"Epoch {epoch + 1}: saving model to {filepath}")
        if backend.process_info()[0] != 0:
            return  # with several processes only the chief (process 0) writes: the weights are the same
        directory = os.path.dirname(filepath)
        if directory:
            os.makedirs(directory, exist_ok=True)
        if self.save_weights_only:
            self.model.save_weights(filepath, overwrite=True)
        else:
            self.model.save(filepath, overwrite=True)

    def _get_file_path(self, epoch, batch, logs):
        fields = dict(logs or {})
        fields["epoch"] = epoch + 1
        if batch is not None:
            fields["batch"] = batch + 1
        try:
            return self.filepath.format(**fields)
        except KeyError as error:
            raise KeyError(
                f'Failed to format this callback filepath: "{self.filepath}". Reason: {error!r} is not an '
                f"available field; available are {sorted(fields)}."
            ) from None

    def _say(self, message):
        if self.verbose > 0:
            print(f"\n{message}")
