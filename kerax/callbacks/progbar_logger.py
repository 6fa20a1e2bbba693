"""ProgbarLogger: prints `Epoch 1/10` and a progress bar per epoch (verbose=1), or one line per epoch
(verbose=2). Batches that ran together in one device call are reported together."""
from kerax.callbacks.callback import Callback
from kerax.console import io_utils
from kerax.console.progbar import Progbar


class ProgbarLogger(Callback):
    handles_grouped_batches = True  # fine with one update per device call

    def __init__(self, count_mode="steps"):
        super().__init__()
        self.progbar = None
        self.target = None

    def set_params(self, params):
        super().set_params(params)
        self.verbose = params.get("verbose", 1)
        self.epochs = params.get("epochs", 1)
        self.target = params.get("steps")

    def _reset(self, target=None):
        # Logs are already running averages, so none is averaged again; width 30 as in tf.keras.
        self.progbar = Progbar(target if target is not None else self.target, width=30, verbose=self.verbose,
                               stateless_metrics=())
        self.seen = 0

    def on_train_begin(self, logs=None):
        self._in_fit = True

    def on_train_end(self, logs=None):
        self._in_fit = False

    def on_epoch_begin(self, epoch, logs=None):
        if self.verbose:
            io_utils.print_msg(f"Epoch {epoch + 1}/{self.epochs}")
        self._reset()

    def on_train_batch_end(self, batch, logs=None):
        self.seen = batch + 1
        if self.progbar.live:
            self.progbar.update(self.seen, logs, finalize=False)

    def on_epoch_end(self, epoch, logs=None):
        self.progbar.update(self.seen, logs, finalize=True)

    def on_test_begin(self, logs=None):
        if not getattr(self, "_in_fit", False):
            self._reset(self.params.get("steps"))

    def on_test_batch_end(self, batch, logs=None):
        if not getattr(self, "_in_fit", False):
            self.seen = batch + 1
            if self.progbar.live:
                self.progbar.update(self.seen, logs, finalize=False)

    def on_test_end(self, logs=None):
        if not getattr(self, "_in_fit", False):
            self.progbar.update(self.seen, logs, finalize=True)

    def on_predict_begin(self, logs=None):
        self._reset(self.params.get("steps"))

    def on_predict_batch_end(self, batch, logs=None):
        self.seen = batch + 1
        if self.progbar.live:
            self.progbar.update(self.seen, finalize=False)

    def on_predict_end(self, logs=None):
        self.progbar.update(self.seen, finalize=True)
