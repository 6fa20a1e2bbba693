"""How per-batch hooks meet fit's grouping of steps (documented in kerax/callbacks/callback.py)."""
import numpy as np

from kerax.callbacks import Callback
from kerax.callbacks.batch_counter import BatchCounter


class _Recorder(Callback):
    def __init__(self):
        super().__init__()
        self.calls = []

    def on_train_batch_begin(self, batch, logs=None):
        self.calls.append(("begin", batch))

    def on_train_batch_end(self, batch, logs=None):
        self.calls.append(("end", batch, logs["loss"]))


class _GroupedRecorder(_Recorder):
    handles_grouped_batches = True


def _numpy_running_losses(x, y, w, b, lr, batch_size):
    """Epoch-to-date mean MSE after each SGD batch (sample-weighted, as Keras's loss tracker)."""
    totals, sizes, running = 0.0, 0, []
    for start in range(0, len(x), batch_size):
        xb, yb = x[start:start + batch_size], y[start:start + batch_size]
        err = xb @ w + b - yb
        totals += np.mean(err ** 2) * len(xb)
        sizes += len(xb)
        running.append(totals / sizes)
        w, b = w - lr * 2 * xb.T @ err / err.size, b - lr * 2 * err.sum(axis=0) / err.size
    return running


def _fit(linear_model, data, callback, **compile_kwargs):
    x, y = data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.05, **compile_kwargs)
    model.fit(x[:10], y[:10], batch_size=2, epochs=1, shuffle=False, verbose=0, callbacks=[callback])
    return _numpy_running_losses(x[:10].astype("float64"), y[:10].astype("float64"), np.zeros((3, 1)),
                                 np.zeros(1), 0.05, 2)


def test_a_batch_hook_makes_fit_run_one_step_per_call(linear_model, regression_data):
    recorder = _Recorder()
    running = _fit(linear_model, regression_data, recorder)
    assert [c[:2] for c in recorder.calls] == [(k, i) for i in range(5) for k in ("begin", "end")]
    np.testing.assert_allclose([c[2] for c in recorder.calls if c[0] == "end"], running, rtol=1e-5)


def test_steps_per_execution_groups_batch_hooks(linear_model, regression_data):
    recorder = _Recorder()
    running = _fit(linear_model, regression_data, recorder, steps_per_execution=2)
    assert [c[:2] for c in recorder.calls] == [("begin", 0), ("end", 1), ("begin", 2), ("end", 3),
                                                ("begin", 4), ("end", 4)]
    ends = [c[2] for c in recorder.calls if c[0] == "end"]
    np.testing.assert_allclose(ends, [running[i] for i in (1, 3, 4)], rtol=1e-5)


def test_handles_grouped_batches_lets_fit_group_freely(linear_model, regression_data):
    recorder = _GroupedRecorder()
    running = _fit(linear_model, regression_data, recorder)
    assert [c[:2] for c in recorder.calls] == [("begin", 0), ("end", 4)]
    np.testing.assert_allclose(recorder.calls[-1][2], running[-1], rtol=1e-5)


def test_batch_counter_counts_groups_across_epochs():
    counter = BatchCounter()
    assert [counter.advance(b) for b in (1, 3, 4)] == [2, 2, 1]
    counter.start_epoch()
    assert counter.advance(0) == 1 and counter.total == 6
