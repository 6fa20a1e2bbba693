"""OrbaxCheckpoint: saves the model's state (weights, and unless `save_weights_only` the optimizer state and
the model's config) with orbax-checkpoint every epoch or every `save_freq` batches, as numbered step
directories under `directory`, keeping the newest `max_to_keep`. `model.load_weights(directory)` restores
the latest step into a model; `kerax.saving.load_model(directory)` rebuilds the model from it.

orbax-checkpoint is an optional dependency (`pip install kerax[orbax]`); it is loaded when a checkpoint is
first made or read, since importing it takes seconds."""
import os
import warnings

from kerax.callbacks.batch_counter import BatchCounter
from kerax.callbacks.callback import Callback
from kerax.callbacks.monitor import Monitor
from kerax.callbacks.orbax_state import orbax, state_tree


class OrbaxCheckpoint(Callback):
    def __init__(self, directory, monitor="val_loss", verbose=0, save_best_only=False, mode="auto",
                 save_freq="epoch", initial_value_threshold=None, max_to_keep=1, save_on_background=True,
                 save_weights_only=False):
        super().__init__()
        if save_freq != "epoch" and not (isinstance(save_freq, int) and save_freq > 0):
            raise ValueError(f"Unrecognized save_freq: {save_freq}. Expected save_freq are 'epoch' or "
                             "integer values")
        ocp = orbax()
        self.directory = os.path.abspath(os.fspath(directory))
        self.monitor, self.verbose, self.save_best_only = monitor, verbose, save_best_only
        self.save_freq, self.max_to_keep = save_freq, max_to_keep
        self.save_on_background, self.save_weights_only = save_on_background, save_weights_only
        self._rule = Monitor(monitor, mode, 0, "OrbaxCheckpoint")
        self.best = self._rule.worst if initial_value_threshold is None else initial_value_threshold
        self._counter = BatchCounter()
        self._since_save = 0
        self._total_batches = 0
        self.handles_grouped_batches = save_freq == "epoch"
        options = ocp.CheckpointManagerOptions(max_to_keep=max_to_keep,
                                               enable_async_checkpointing=save_on_background)
        self.checkpointer = ocp.CheckpointManager(self.directory, options=options)

    def set_model(self, model):
        super().set_model(model)
        optimizer = getattr(model, "optimizer", None)
        if optimizer is not None and getattr(optimizer, "built", False):
            self._total_batches = int(optimizer.iterations.numpy())  # a reloaded model counts on

    def on_epoch_begin(self, epoch, logs=None):
        self._counter.start_epoch()

    def on_train_batch_end(self, batch, logs=None):
        if self.save_freq == "epoch":
            return
        seen = self._counter.advance(batch)
        self._since_save += seen
        self._total_batches += seen
        if self._since_save >= self.save_freq:
            self._since_save = 0
            self._maybe_save(self._total_batches, logs, f"batch {batch}")

    def on_epoch_end(self, epoch, logs=None):
        if self.save_freq == "epoch":
            self._maybe_save(epoch, logs, f"epoch {epoch}")

    def on_train_end(self, logs=None):
        self.wait_until_finished()

    def wait_until_finished(self):
        """Blocks until background saves are written."""
        self.checkpointer.wait_until_finished()

    def _maybe_save(self, step, logs, where):
        if self.save_best_only:
            current = (logs or {}).get(self.monitor)
            if current is None:
                warnings.warn(f"Can save best model only with {self.monitor} available, skipping save at "
                              f"{where}.", stacklevel=3)
                return
            if not self._rule.better(float(current), self.best):
                return
            self.best = float(current)
        if self.verbose:
            print(f"OrbaxCheckpoint: saving step {step} to {self.directory}")
        ocp = orbax()
        items = {"pytree": ocp.args.StandardSave(state_tree(self.model, self.save_weights_only))}
        if not self.save_weights_only:  # what `kerax.saving.load_model(directory)` rebuilds the model from
            items["model_config"] = ocp.args.JsonSave({"config": self.model.to_json(),
                                                       "compile_config": self.model.get_compile_config()})
        self.checkpointer.save(step, args=ocp.args.Composite(**items), force=True)
