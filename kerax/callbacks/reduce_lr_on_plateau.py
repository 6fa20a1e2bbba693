"""ReduceLROnPlateau: multiplies the learning rate by `factor` when a monitored quantity stops improving."""
import warnings

import numpy as np

from kerax.callbacks.callback import Callback
from kerax.callbacks.learning_rate import get_learning_rate, set_learning_rate
from kerax.callbacks.monitor import Monitor


class ReduceLROnPlateau(Callback):
    """After `patience` epochs without an improvement larger than `min_delta`, the rate becomes
    `max(lr * factor, min_lr)`; then `cooldown` epochs pass before waiting starts again. The rate of each
    epoch is added to the epoch logs as `learning_rate`."""

    def __init__(self, monitor="val_loss", factor=0.1, patience=10, verbose=0, mode="auto", min_delta=1e-4,
                 cooldown=0, min_lr=0.0, **kwargs):
        super().__init__()
        if "epsilon" in kwargs:  # the Keras 2 name of min_delta
            min_delta = kwargs.pop("epsilon")
            warnings.warn("`epsilon` argument is deprecated and will be removed, use `min_delta` instead.",
                          stacklevel=2)
        if kwargs:
            raise TypeError(f"ReduceLROnPlateau() got unexpected keyword argument(s) {sorted(kwargs)}.")
        if factor >= 1.0:
            raise ValueError(f"ReduceLROnPlateau does not support a factor >= 1.0. Received factor={factor}")
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.verbose = verbose
        self.min_delta = min_delta
        self.cooldown = cooldown
        self.min_lr = min_lr
        self.mode = mode
        self._rule = Monitor(monitor, mode, min_delta, "Learning rate reduction")
        self._reset()

    def _reset(self):
        self.best = self._rule.worst
        self.wait = 0
        self.cooldown_counter = 0

    def on_train_begin(self, logs=None):
        self._reset()

    def in_cooldown(self):
        return self.cooldown_counter > 0

    def on_epoch_end(self, epoch, logs=None):
        logs = logs if logs is not None else {}
        learning_rate = get_learning_rate(self.model, "ReduceLROnPlateau")
        logs["learning_rate"] = learning_rate
        current = self._rule.read(logs, "Learning rate reduction")
        if current is None:
            return
        if self.in_cooldown():
            self.cooldown_counter -= 1
            self.wait = 0
        if self._rule.better(current, self.best):
            self.best = current
            self.wait = 0
            return
        if self.in_cooldown():
            return
        self.wait += 1
        if self.wait >= self.patience and learning_rate > np.float32(self.min_lr):
            new_rate = max(learning_rate * self.factor, self.min_lr)
            set_learning_rate(self.model, new_rate, "ReduceLROnPlateau")
            if self.verbose > 0:
                print(f"\nEpoch {epoch + 1}: ReduceLROnPlateau reducing learning rate to {new_rate}.")
            self.cooldown_counter = self.cooldown
            self.wait = 0
