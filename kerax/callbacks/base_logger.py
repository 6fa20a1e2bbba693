"""BaseLogger (tf.keras): sets each metric's epoch value to its average over the epoch's batches."""
from kerax.callbacks.callback import Callback


class BaseLogger(Callback):
    """Averages batch-log values over an epoch into the epoch logs; metrics named in `stateful_metrics` keep
    their last batch value.

    Batch logs that give the batch's `size` (tf.keras 1 style: one batch's values) are averaged weighted by
    size, as tf.keras did. kerax's batch logs, like tf.keras 2's, are epoch-to-date averages, whose last
    value already is the epoch's average: without `size` that last value is the result.
    """

    def __init__(self, stateful_metrics=None):
        super().__init__()
        self.stateful_metrics = set(stateful_metrics or [])

    def on_epoch_begin(self, epoch, logs=None):
        self.seen = 0
        self.totals = {}

    def on_batch_end(self, batch, logs=None):
        logs = logs or {}
        if "size" not in logs:
            self.seen = 1
            self.totals.update(logs)
            return
        size = logs["size"] * logs.get("num_steps", 1)
        self.seen += size
        for key, value in logs.items():
            if key in self.stateful_metrics:
                self.totals[key] = value
            else:
                self.totals[key] = self.totals.get(key, 0) + value * size

    def on_epoch_end(self, epoch, logs=None):
        if logs is None or not self.seen:
            return
        for key in self.params.get("metrics", self.totals):
            if key in self.totals and key not in ("size", "batch", "num_steps"):
                logs[key] = self.totals[key] if key in self.stateful_metrics else self.totals[key] / self.seen
