import threading
import time

import numpy as np
import pytest

from kerax import data
from kerax.data import Dataset


def test_parallel_map_keeps_order_and_uses_several_threads():
    threads = set()

    def slow_square(v):
        threads.add(threading.get_ident())
        time.sleep(0.002 * (int(v) % 3))  # later elements often finish first
        return v * v

    ds = Dataset.range(40).map(slow_square, num_parallel_calls=4)
    assert [int(v) for v in ds] == [i * i for i in range(40)]
    assert len(threads) > 1 and threading.get_ident() not in threads
    assert int(ds.cardinality()) == 40


def test_parallel_map_unpacks_tuples_and_raises_the_element_error():
    ds = Dataset.from_tensor_slices((np.arange(6), np.arange(6) * 10)).map(
        lambda a, b: (a + b, b), num_parallel_calls=data.AUTOTUNE
    )
    assert [int(s) for s, _ in ds] == [11 * i for i in range(6)]

    def fail_at_three(v):
        if int(v) == 3:
            raise RuntimeError("bad element 3")
        return v

    seen = []
    with pytest.raises(RuntimeError, match="bad element 3"):
        for v in Dataset.range(10).map(fail_at_three, num_parallel_calls=3):
            seen.append(int(v))
    assert seen == [0, 1, 2]


def test_num_parallel_calls_must_be_positive_or_autotune():
    with pytest.raises(ValueError, match="num_parallel_calls must be a positive integer"):
        Dataset.range(3).map(lambda v: v, num_parallel_calls=0)


def test_prefetch_produces_ahead_in_a_bounded_background_thread():
    produced = []

    def record(v):
        produced.append(threading.get_ident())
        return v

    ds = Dataset.range(100).map(record).prefetch(2)
    it = iter(ds)
    assert int(next(it)) == 0
    time.sleep(0.2)
    # One element taken, two in the queue, at most one more held by the blocked producer.
    assert 3 <= len(produced) <= 4
    assert threading.get_ident() not in set(produced)
    assert [int(v) for v in it] == list(range(1, 100))
    assert int(ds.cardinality()) == 100


def test_abandoned_prefetch_stops_its_thread_and_errors_reach_the_consumer():
    before = threading.active_count()
    it = iter(Dataset.range(1000).prefetch(data.AUTOTUNE))
    next(it)
    del it
    deadline = time.time() + 2
    while threading.active_count() > before and time.time() < deadline:
        time.sleep(0.01)
    assert threading.active_count() == before

    def boom(v):
        raise KeyError("no such file")

    with pytest.raises(KeyError, match="no such file"):
        list(Dataset.range(3).map(boom).prefetch(1))


def test_prefetch_zero_and_bad_sizes():
    assert [int(v) for v in Dataset.range(3).prefetch(0)] == [0, 1, 2]
    with pytest.raises(ValueError, match="buffer_size must be >= 0"):
        Dataset.range(3).prefetch(-5)
