"""TimedThread and StepsPerExecutionTuner."""
import time

import numpy as np
import pytest

import kerax


class Counting(kerax.utils.TimedThread):
    def __init__(self, interval):
        super().__init__(interval)
        self.calls = 0

    def on_interval(self):
        self.calls += 1


def test_timed_thread_runs_on_interval_until_stopped():
    with Counting(interval=0.01) as thread:
        deadline = time.time() + 5
        while thread.calls < 3 and time.time() < deadline:
            time.sleep(0.01)
        assert thread.is_alive()
    thread.thread.join(timeout=5)
    assert thread.calls >= 3 and not thread.is_alive()
    with pytest.raises(NotImplementedError, match="Needs to be implemented in subclasses of `TimedThread`"):
        kerax.utils.TimedThread(1).on_interval()


class FakeOptimizer:
    def __init__(self):
        self.iterations = kerax.Variable(np.int64(0), dtype="int64", trainable=False)


def test_tuner_grows_then_reverses_steps_per_execution_on_throughput():
    optimizer = FakeOptimizer()
    model = kerax.Sequential([kerax.Input((1,)), kerax.layers.Dense(1)])
    model.compile("sgd", "mse", steps_per_execution=4)
    tuner = kerax.utils.StepsPerExecutionTuner(optimizer, model, interval=0.01, change_spe_interval=1)
    tuner._begin_tuning()
    assert tuner.init_spe == 4

    def measure(iterations):
        optimizer.iterations.assign(np.int64(iterations))
        tuner._measure_and_tune()

    measure(100)  # faster than before (0): the last action (add) is repeated, x1.5
    assert model._steps_per_execution == 6
    tuner.prev_avg_rgsps = 1e12  # then much slower: the opposite action, x0.5
    measure(200)
    assert model._steps_per_execution == 3 and tuner.spe_tune_last_action_add is False


def test_tuner_with_a_variable_and_thread():
    optimizer = FakeOptimizer()
    spe = kerax.Variable(np.int64(2), dtype="int64", trainable=False)
    tuner = kerax.utils.StepsPerExecutionTuner(optimizer, spe, interval=0.01)
    thread = tuner.start()
    tuner.stop()
    thread.join(timeout=5)
    assert not thread.is_alive() and int(spe.numpy()) == 2
    tuner.steps_per_execution = 8
    assert int(spe.numpy()) == 8 and tuner.init_spe == 8
