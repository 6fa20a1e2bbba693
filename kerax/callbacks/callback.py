"""Callback: hooks called by fit/evaluate/predict. Override the ones you need.

Per-batch hooks and grouped steps. fit/evaluate/predict run many steps in one device call. When a callback
overrides a per-batch hook of a mode (in its class, or as an instance attribute like LambdaCallback does),
that mode runs one step per device call, so the hooks see every batch exactly as in Keras. Two cases get
one call per *group* of steps instead: the user chose `compile(steps_per_execution=N)`, or the callback
declares `handles_grouped_batches = True` (class or instance attribute; the other callbacks then decide).
For a group, `on_*_batch_begin(first)` is called before it runs and `on_*_batch_end(last, logs)` after,
with the indices of its first and last batch in the epoch and the logs after its last step. Batch logs are
epoch-to-date averages (as in Keras), so a NaN or a metric value of any step in a group still shows in the
group's logs; a callback that counts batches counts `last + 1` minus the previous group's `last + 1`
(see BatchCounter). Logs are read from the device only when a callback reads them.
"""


class Callback:
    def __init__(self):
        self.params = {}
        self._model = None
        self.validation_data = None

    def set_params(self, params):
        self.params = params

    def set_model(self, model):
        self._model = model

    @property
    def model(self):
        return self._model

    def on_batch_begin(self, batch, logs=None):
        """Keras 2 name of on_train_batch_begin."""

    def on_batch_end(self, batch, logs=None):
        """Keras 2 name of on_train_batch_end."""

    def on_epoch_begin(self, epoch, logs=None):
        pass

    def on_epoch_end(self, epoch, logs=None):
        pass

    def on_train_batch_begin(self, batch, logs=None):
        self.on_batch_begin(batch, logs=logs)

    def on_train_batch_end(self, batch, logs=None):
        self.on_batch_end(batch, logs=logs)

    def on_test_batch_begin(self, batch, logs=None):
        pass

    def on_test_batch_end(self, batch, logs=None):
        pass

    def on_predict_batch_begin(self, batch, logs=None):
        pass

    def on_predict_batch_end(self, batch, logs=None):
        pass

    def on_train_begin(self, logs=None):
        pass

    def on_train_end(self, logs=None):
        pass

    def on_test_begin(self, logs=None):
        pass

    def on_test_end(self, logs=None):
        pass

    def on_predict_begin(self, logs=None):
        pass

    def on_predict_end(self, logs=None):
        pass


_BATCH_HOOKS = {
    "train": ("on_train_batch_begin", "on_train_batch_end", "on_batch_begin", "on_batch_end"),
    "test": ("on_test_batch_begin", "on_test_batch_end"),
    "predict": ("on_predict_batch_begin", "on_predict_batch_end"),
}


def overrides_batch_hooks(callback, mode, grouped_too=False):
    """Whether the callback implements a per-batch hook for `mode` (so fit must call it per step; with
    `grouped_too`, also one that accepts a call per group of steps)."""
    if getattr(callback, "handles_grouped_batches", False) and not grouped_too:
        return False
    own = getattr(callback, "__dict__", {})
    return any(hook in own or getattr(type(callback), hook, None) is not getattr(Callback, hook)
               for hook in _BATCH_HOOKS[mode])
