"""Keras's progress bar: `32/32 [====================] - 0s 2ms/step - loss: 0.1234`.

On a terminal (with interactive logging on) the line redraws itself at most every `interval` seconds; anywhere
else (a log file, CI) only finished lines are written, so logs are not flooded with partial bars."""
import time

import numpy as np

from kerax.console import io_utils


def _format_value(value):
    value = float(np.mean(value))  # per-class metrics show their mean, as in Keras
    return f"{value:.4f}" if abs(value) > 1e-3 or value == 0 else f"{value:.4e}"


def _format_per_unit(seconds, unit_name):
    if seconds >= 1 or seconds == 0:
        return f"{seconds:.0f}s/{unit_name}"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.0f}ms/{unit_name}"
    return f"{seconds * 1e6:.0f}us/{unit_name}"


def _format_eta(seconds):
    if seconds > 3600:
        return f"{seconds // 3600:.0f}:{(seconds % 3600) // 60:02.0f}:{seconds % 60:02.0f}"
    if seconds > 60:
        return f"{seconds // 60:.0f}:{seconds % 60:02.0f}"
    return f"{seconds:.0f}s"


class Progbar:
    """Displays a progress bar.

    `target` is the number of steps expected (None if unknown). Metrics passed to `update` as `(name, value)`
    pairs (or a dict) are averaged over the steps seen, except those named in `stateful_metrics`, which are
    shown as they are; `stateless_metrics` instead names the only ones to average. `verbose`: 0 silent, 1 a
    bar, 2 one line when finished."""

    def __init__(self, target, width=20, verbose=1, interval=0.05, stateful_metrics=None,
                 stateless_metrics=None, unit_name="step"):
        if stateful_metrics is not None and stateless_metrics is not None:
            raise ValueError(
                "Only one of `stateful_metrics` or `stateless_metrics` can be provided: `stateful_metrics` "
                "names the metrics shown as they are (the others are averaged), `stateless_metrics` the ones "
                "averaged (the others are shown as they are)."
            )
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        self.stateful_metrics = None if stateless_metrics is not None else set(stateful_metrics or ())
        self.stateless_metrics = None if stateless_metrics is None else set(stateless_metrics)
        self.live = io_utils.is_live_terminal()
        self._values = {}  # name -> [weighted sum, weight]
        self._seen_so_far = 0
        self._start = time.time()
        self._last_update = 0.0
        self._time_after_first_step = None
        self._prev_width = 0

    def _averaged(self, name):
        if self.stateless_metrics is not None:
            return name in self.stateless_metrics
        return name not in self.stateful_metrics

    def _record(self, values, current, finalize):
        for name, value in values:
            value = float(np.mean(value))
            if self._averaged(name) and not finalize:
                weight = max(current - self._seen_so_far, 1)
                total, count = self._values.get(name, (0.0, 0))
                self._values[name] = [total + value * weight, count + weight]
            else:
                self._values[name] = [value, 1]

    def _time_per_unit(self, current, now):
        """Seconds per step, leaving out the first step (often a compile) once later steps exist."""
        if not current:
            return 0.0
        if self._time_after_first_step is not None and current > 1:
            per_unit = (now - self._time_after_first_step) / (current - 1)
        else:
            per_unit = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return per_unit

    def _metrics(self):
        return "".join(f" - {name}: {_format_value(total / max(count, 1))}"
                       for name, (total, count) in self._values.items())

    def _bar(self, current):
        if self.target is None or self.target <= 0:
            return f"{current:7d}/Unknown"
        done = min(int(self.width * current / self.target), self.width)
        bar = "=" * done if current >= self.target else "=" * max(done - 1, 0) + (">" if done else "")
        return f"{current:{len(str(self.target))}d}/{self.target} [{bar}{'.' * (self.width - len(bar))}]"

    def _line(self, current, now, per_unit, finalize):
        if self.target is not None and self.target > 0 and not finalize:
            timing = f" - ETA: {_format_eta(per_unit * (self.target - current))}"
        else:
            timing = f" - {now - self._start:.0f}s {_format_per_unit(per_unit, self.unit_name)}"
        return self._bar(current) + timing + self._metrics()

    def _write(self, line, finalize):
        if self.live:
            padding = " " * max(self._prev_width - len(line), 0)
            io_utils.print_msg("\r" + line + padding + ("\n" if finalize else ""), line_break=False)
            self._prev_width = len(line)
        else:
            io_utils.print_msg(line)

    def update(self, current, values=None, finalize=None):
        """Moves the bar to step `current`; `finalize` (default: `current >= target`) writes the last line."""
        if finalize is None:
            finalize = self.target is not None and current >= self.target
        self._record(values.items() if isinstance(values, dict) else values or (), current, finalize)
        self._seen_so_far = current
        now = time.time()
        per_unit = self._time_per_unit(current, now)
        if self.verbose == 1:
            if not finalize and (not self.live or now - self._last_update < self.interval):
                return
            self._write(self._line(current, now, per_unit, finalize), finalize)
        elif self.verbose == 2 and finalize:
            count = f"{current}/{self.target}" if self.target else f"{current}"
            elapsed = now - self._start
            io_utils.print_msg(f"{count} - {elapsed:.0f}s{self._metrics()} - {elapsed * 1e3:.0f}ms/epoch - "
                               f"{_format_per_unit(per_unit, self.unit_name)}")
        self._last_update = now

    def add(self, n, values=None):
        self.update(self._seen_so_far + n, values)
