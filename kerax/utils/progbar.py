"""Keras's progress bar: `32/32 [==============================] - 0s 2ms/step - loss: 0.1234`.

Live-updating on a terminal; on anything else (a log file, CI) only the finished line is written."""
import sys
import time

import numpy as np


def _format_value(value):
    value = float(np.mean(value))  # per-class metrics show their mean, as in Keras
    return f"{value:.4f}" if abs(value) > 1e-3 or value == 0 else f"{value:.4e}"


def _format_per_step(seconds):
    if seconds >= 1:
        return f"{seconds:.0f}s/step"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/step"
    return f"{seconds * 1e6:.0f}us/step"


class Progbar:
    def __init__(self, target, width=30, verbose=1, stream=None, unit_name="step"):
        self.target = target
        self.width = width
        self.verbose = verbose
        self.stream = stream or sys.stdout
        self.unit_name = unit_name
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self._start = time.perf_counter()
        self._last_width = 0

    def _bar(self, current):
        if self.target is None:
            return f"{current}/Unknown"
        digits = len(str(self.target))
        done = int(self.width * current / self.target) if self.target else self.width
        bar = "=" * max(done - 1, 0) + (">" if current < self.target else "=") if done > 0 else ""
        if current >= self.target:
            bar = "=" * self.width
        return f"{current:{digits}d}/{self.target} [{bar}{'.' * (self.width - len(bar))}]"

    def update(self, current, values=None, finalize=None):
        finalize = finalize if finalize is not None else (self.target is not None and current >= self.target)
        values = values or {}
        elapsed = time.perf_counter() - self._start
        metrics = "".join(f" - {k}: {_format_value(v)}" for k, v in values.items())
        if self.verbose == 1:
            if not finalize and not self.live:
                return
            if finalize:
                per_step = elapsed / max(current, 1)
                timing = f" - {elapsed:.0f}s {_format_per_step(per_step)}"
            else:
                eta = elapsed / max(current, 1) * (self.target - current) if self.target else 0
                timing = f" - ETA: {eta:.0f}s"
            line = self._bar(current) + timing + metrics
            if self.live:
                padding = " " * max(self._last_width - len(line), 0)
                self.stream.write("\r" + line + padding + ("\n" if finalize else ""))
                self._last_width = len(line)
            else:
                self.stream.write(line + "\n")
            self.stream.flush()
        elif self.verbose == 2 and finalize:
            per_step = elapsed / max(current, 1)
            line = (f"{current}/{self.target} - {elapsed:.0f}s{metrics} - {elapsed * 1e3:.0f}ms/epoch - "
                    f"{_format_per_step(per_step)}")
            self.stream.write(line + "\n")
            self.stream.flush()
