"""What EarlyStopping, ModelCheckpoint and ReduceLROnPlateau share: which way a logged quantity improves,
and reading it from the logs with a warning that lists the available keys when it is missing."""
import warnings

import numpy as np

# With mode='auto', quantities whose name ends like this are maximized; everything else is minimized.
_MAXIMIZED_SUFFIXES = ("acc", "accuracy", "auc", "precision", "recall", "fmeasure", "f1_score", "fbeta_score")


class Monitor:
    """`better(current, reference)` is True when `current` beats `reference` by more than `min_delta`."""

    def __init__(self, monitor, mode, min_delta, who):
        if mode not in ("auto", "min", "max"):
            warnings.warn(f"{who} mode {mode} is unknown, fallback to auto mode.", stacklevel=3)
            mode = "auto"
        if mode == "auto":
            name = monitor[4:] if monitor.startswith("val_") else monitor
            mode = "max" if name.endswith(_MAXIMIZED_SUFFIXES) else "min"
        self.monitor = monitor
        self.mode = mode
        self.min_delta = abs(min_delta)

    @property
    def worst(self):
        """The starting 'best' value: anything beats it."""
        return -np.inf if self.mode == "max" else np.inf

    def better(self, current, reference):
        if reference is None:
            return True
        if self.mode == "max":
            return current - self.min_delta > reference
        return current + self.min_delta < reference

    def read(self, logs, action):
        """The monitored value as a float, or None (with a warning saying `action` is skipped)."""
        logs = logs or {}
        value = logs.get(self.monitor)
        if value is None:
            warnings.warn(
                f"{action} is conditioned on metric `{self.monitor}` which is not available. Available "
                f"metrics are: {','.join(logs.keys())}",
                stacklevel=3,
            )
            return None
        return float(value)
