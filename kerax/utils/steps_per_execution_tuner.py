"""StepsPerExecutionTuner (tf.keras): measures training throughput (optimizer iterations per second) in a
background thread and grows or shrinks the steps run per device call to raise it. With a kerax model as
`spe_variable` it tunes the model's steps-per-call setting (`compile(steps_per_execution=...)`)."""
import threading
import time

import numpy as np


class ModelStepsPerExecution:
    """A model's steps-per-call setting seen as the variable the tuner reads and assigns."""

    dtype = "int64"

    def __init__(self, model):
        self.model = model

    def numpy(self):
        return np.int64(self.model._steps_per_execution or 1)

    def assign(self, value):
        self.model._steps_per_execution = max(1, int(value))


class StepsPerExecutionTuner:
    """Every `interval` seconds it measures iterations/second; every `change_spe_interval` measurements it
    compares their average with the previous one: more than `change_threshold` faster repeats the last change
    (x1.5 after an increase, x0.5 after a decrease), more than that slower does the opposite."""

    def __init__(self, optimizer, spe_variable, interval=5, change_spe_interval=10, change_threshold=0.1):
        self.optimizer = optimizer
        self._steps_per_execution = spe_variable if hasattr(spe_variable, "assign") else (
            ModelStepsPerExecution(spe_variable))
        self.interval = interval
        self.change_spe_interval = change_spe_interval
        self.spe_change_threshold = change_threshold
        self.steps_per_execution_stop_event = threading.Event()
        self.thread = None

    @property
    def steps_per_execution(self):
        return self._steps_per_execution

    @steps_per_execution.setter
    def steps_per_execution(self, value):
        self._steps_per_execution.assign(value)
        self.init_spe = value

    def start(self):
        """Starts the tuning thread (returns it)."""
        if self.thread and self.thread.is_alive():
            return self.thread
        self._begin_tuning()
        self.steps_per_execution_stop_event.clear()
        self.thread = threading.Thread(target=self._interval_calls, daemon=True)
        self.thread.start()
        return self.thread

    def stop(self):
        self.steps_per_execution_stop_event.set()

    def _interval_calls(self):
        while not self.steps_per_execution_stop_event.is_set():
            self._measure_and_tune()
            self.steps_per_execution_stop_event.wait(self.interval)

    def _begin_tuning(self):
        self.start_time = time.time()
        self.init_iterations = int(self.optimizer.iterations.numpy())
        self.init_spe = int(np.asarray(self._steps_per_execution.numpy()).item())
        self.spe_last_logged = {"iteration": self.init_iterations, "time_secs": self.start_time}
        self.rgsps = []  # recent global steps per second
        self.avg_rgsps = self.prev_avg_rgsps = 0
        self.spe_tune_last_action_add = True
        self.spe_measurement_count = 0

    def _measure_and_tune(self):
        self.spe_measurement_count += 1
        iteration, now = int(self.optimizer.iterations.numpy()), time.time()
        elapsed = max(now - self.spe_last_logged["time_secs"], 1e-9)
        self.rgsps.append((iteration - self.spe_last_logged["iteration"]) / elapsed)
        if len(self.rgsps) > self.change_spe_interval:
            self.rgsps.pop(0)
        if iteration == 0:  # nothing measured yet
            self.start_time = now
            return
        self.spe_last_logged = {"iteration": iteration, "time_secs": now}
        if self.spe_measurement_count % self.change_spe_interval == 0 and self.rgsps[-1] != 0:
            self._tune()

    def _tune(self):
        self.avg_rgsps = sum(self.rgsps) / len(self.rgsps)
        repeat, opposite = (1.5, 0.5) if self.spe_tune_last_action_add else (0.5, 1.5)
        current = int(np.asarray(self._steps_per_execution.numpy()).item())
        limit = np.iinfo(np.dtype(str(self._steps_per_execution.dtype))).max / 1.5
        new = current
        if self.avg_rgsps > (1 + self.spe_change_threshold) * self.prev_avg_rgsps:
            new = current * repeat
        elif self.avg_rgsps < (1 - self.spe_change_threshold) * self.prev_avg_rgsps:
            new = current * opposite
            self.spe_tune_last_action_add = not self.spe_tune_last_action_add
        if current >= limit:
            new = current
        elif current <= 0:
            new = self.init_spe
        self._steps_per_execution.assign(np.round(new))
        self.prev_avg_rgsps = self.avg_rgsps
