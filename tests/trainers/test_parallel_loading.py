"""fit/evaluate/predict load a Sequence or generator in the background with `workers` (threads or processes)
and `max_queue_size`; batches keep their order and every one is used."""
import threading
import time
import warnings

import numpy as np
import pytest

import kerax
from kerax.trainers.data_adapters import parallel_loading


class Squares(kerax.utils.PyDataset):
    def __init__(self, n=6, delay=0.0, **kwargs):
        super().__init__(**kwargs)
        self.n, self.delay, self.threads = n, delay, set()

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        self.threads.add(threading.get_ident())
        time.sleep(self.delay)
        x = np.full((2, 1), float(index), "float32")
        return x, x ** 2


def test_threads_keep_order_and_run_in_parallel():
    source = Squares(n=8, delay=0.05)
    start = time.perf_counter()
    batches = list(parallel_loading.indexed_in_order(source, range(8), workers=4, use_multiprocessing=False,
                                                     max_queue_size=8))
    elapsed = time.perf_counter() - start
    assert [b[0][0, 0] for b in batches] == list(range(8))
    assert len(source.threads) > 1
    assert elapsed < 8 * 0.05  # serial reading would take 0.4 s


def test_processes_keep_order():
    batches = list(parallel_loading.indexed_in_order(Squares(n=5), range(5), workers=2, use_multiprocessing=True,
                                                     max_queue_size=3))
    assert [b[1][0, 0] for b in batches] == [0.0, 1.0, 4.0, 9.0, 16.0]


def test_read_ahead_is_bounded_and_raises_the_generator_error():
    produced = []

    def generate():
        for i in range(100):
            produced.append(i)
            if i == 50:
                raise RuntimeError("bad batch 50")
            yield i

    reader = parallel_loading.read_ahead(generate(), max_queue_size=3)
    assert next(reader) == 0
    time.sleep(0.1)
    assert len(produced) <= 6  # the queue holds at most 3 ahead
    with pytest.raises(RuntimeError, match="bad batch 50"):
        list(reader)


@pytest.mark.parametrize("workers, use_multiprocessing", [(3, False), (2, True)])
def test_fit_with_workers_sees_every_batch(workers, use_multiprocessing):
    model = kerax.Sequential([kerax.Input((1,)), kerax.layers.Dense(1, kernel_initializer="ones",
                                                                   use_bias=False)])
    model.compile(kerax.optimizers.SGD(0.0), "mse")  # weights stay 1: the loss shows which batches were seen
    history = model.fit(Squares(), epochs=2, workers=workers, use_multiprocessing=use_multiprocessing, verbose=0)
    # With the weight 1 the first epoch's loss is the mean of (x - x^2)^2 over the batches, all 6 of them.
    expected = np.mean([(i - i * i) ** 2 for i in range(6)])
    assert len(history.history["loss"]) == 2
    assert history.history["loss"] == pytest.approx([expected, expected], rel=1e-5)
    predictions = model.predict(Squares(), workers=workers, use_multiprocessing=use_multiprocessing, verbose=0)
    assert predictions.shape == (12, 1)


def test_generator_with_workers_is_read_ahead_across_epochs():
    def generate():
        i = 0
        while True:
            yield np.full((2, 1), 1.0, "float32"), np.full((2, 1), float(i % 3), "float32")
            i += 1

    model = kerax.Sequential([kerax.Input((1,)), kerax.layers.Dense(1)])
    model.compile("sgd", "mse")
    history = model.fit(generate(), steps_per_epoch=3, epochs=3, workers=2, verbose=0)
    assert len(history.history["loss"]) == 3


def test_workers_with_arrays_warn_once():
    model = kerax.Sequential([kerax.Input((1,)), kerax.layers.Dense(1)])
    model.compile("sgd", "mse")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.fit(np.ones((4, 1)), np.ones((4, 1)), workers=4, verbose=0)
    assert any("`workers`" in str(w.message) for w in caught)
