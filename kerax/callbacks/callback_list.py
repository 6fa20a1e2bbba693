"""CallbackList: calls every callback's hook, always with a dict of logs (empty where there is nothing to
report), as Keras does."""
from kerax.callbacks.callback import Callback, overrides_batch_hooks
from kerax.callbacks.history import History
from kerax.callbacks.progbar_logger import ProgbarLogger


class CallbackList:
    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None, **params):
        self.callbacks = list(callbacks or [])
        for callback in self.callbacks:
            if not isinstance(callback, Callback) and not hasattr(callback, "on_epoch_end"):
                raise TypeError(
                    f"callbacks must be kerax.callbacks.Callback instances, received {callback!r}."
                )
        if add_progbar and not any(isinstance(c, ProgbarLogger) for c in self.callbacks):
            self.callbacks.insert(0, ProgbarLogger())
        if add_history:
            self.history = next((c for c in self.callbacks if isinstance(c, History)), None) or History()
            if self.history not in self.callbacks:
                self.callbacks.append(self.history)
        if model is not None:
            self.set_model(model)
        self.set_params(params)

    def set_model(self, model):
        for callback in self.callbacks:
            callback.set_model(model)

    def set_params(self, params):
        for callback in self.callbacks:
            callback.set_params(params)

    def needs_batch_hooks(self, mode):
        return any(overrides_batch_hooks(c, mode) for c in self.callbacks)

    def reads_batch_logs(self, mode):
        """Whether any callback has a per-batch hook for `mode`: if none has, batch logs need not be made."""
        return any(overrides_batch_hooks(c, mode, grouped_too=True) for c in self.callbacks)

    def _call(self, hook, *args):
        *args, logs = args
        logs = {} if logs is None else logs
        for callback in self.callbacks:
            getattr(callback, hook)(*args, logs)

    def on_train_begin(self, logs=None): self._call("on_train_begin", logs)
    def on_train_end(self, logs=None): self._call("on_train_end", logs)
    def on_test_begin(self, logs=None): self._call("on_test_begin", logs)
    def on_test_end(self, logs=None): self._call("on_test_end", logs)
    def on_predict_begin(self, logs=None): self._call("on_predict_begin", logs)
    def on_predict_end(self, logs=None): self._call("on_predict_end", logs)
    def on_epoch_begin(self, epoch, logs=None): self._call("on_epoch_begin", epoch, logs)
    def on_epoch_end(self, epoch, logs=None): self._call("on_epoch_end", epoch, logs)

    def on_batch_begin(self, mode, batch, logs=None):
        self._call(f"on_{mode}_batch_begin", batch, logs)

    def on_batch_end(self, mode, batch, logs=None):
        self._call(f"on_{mode}_batch_end", batch, logs)
