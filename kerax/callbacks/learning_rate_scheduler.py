"""LearningRateScheduler: sets the learning rate at the start of each epoch from `schedule`."""
import inspect
import numbers

import numpy as np

from kerax.callbacks.callback import Callback
from kerax.callbacks.learning_rate import get_learning_rate, set_learning_rate


class LearningRateScheduler(Callback):
    """`schedule(epoch, lr)` (or the older `schedule(epoch)`) returns the rate for `epoch` (0-based), given
    the current rate. The new rate is assigned to the optimizer's rate Variable: the compiled step is not
    retraced. The rate of each epoch is added to the epoch logs as `learning_rate`."""

    def __init__(self, schedule, verbose=0):
        super().__init__()
        self.schedule = schedule
        self.verbose = verbose
        self._takes_rate = _accepts_two_arguments(schedule)

    def on_epoch_begin(self, epoch, logs=None):
        current = get_learning_rate(self.model, "LearningRateScheduler")
        learning_rate = self.schedule(epoch, current) if self._takes_rate else self.schedule(epoch)
        if isinstance(learning_rate, np.ndarray) and learning_rate.ndim == 0:
            learning_rate = learning_rate.item()
        if not isinstance(learning_rate, numbers.Real):
            raise ValueError(
                f"The output of the `schedule` function should be a float. Got: {learning_rate!r}"
            )
        set_learning_rate(self.model, float(learning_rate), "LearningRateScheduler")
        if self.verbose > 0:
            print(f"\nEpoch {epoch + 1}: LearningRateScheduler setting learning rate to {learning_rate}.")

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None:
            logs["learning_rate"] = get_learning_rate(self.model, "LearningRateScheduler")


def _accepts_two_arguments(fn):
    try:
        signature = inspect.signature(fn)
    except (TypeError, ValueError):  # some builtins have no signature: try the newer form
        return True
    try:
        signature.bind(0, 0.0)
        return True
    except TypeError:
        return False
