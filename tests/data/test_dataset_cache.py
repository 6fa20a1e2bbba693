import numpy as np

from kerax.data import Dataset, structure


def counting_pipeline(calls):
    def double(v):
        calls.append(int(v))
        return v * 2

    return Dataset.range(6).map(double)


def test_memory_cache_runs_the_pipeline_once():
    calls = []
    ds = counting_pipeline(calls).cache()
    assert [int(v) for v in ds] == [0, 2, 4, 6, 8, 10]
    assert [int(v) for v in ds] == [0, 2, 4, 6, 8, 10]
    assert calls == list(range(6))


def test_a_partial_pass_records_nothing():
    calls = []
    ds = counting_pipeline(calls).cache()
    assert [int(v) for v in ds.take(2)] == [0, 2]
    assert [int(v) for v in ds] == [0, 2, 4, 6, 8, 10]
    assert [int(v) for v in ds] == [0, 2, 4, 6, 8, 10]
    assert calls == [0, 1] + list(range(6))


def test_cache_after_shuffle_freezes_the_order():
    ds = Dataset.range(20).shuffle(20, seed=0).cache()
    assert [int(v) for v in ds] == [int(v) for v in ds]


def test_cached_elements_batch_in_bulk_after_the_first_pass(monkeypatch):
    ds = counting_pipeline([]).cache()
    first = [b.tolist() for b in ds.shuffle(6, seed=1).batch(4)]

    def refuse(*args):
        raise AssertionError("took the per-element path")

    monkeypatch.setattr(structure, "stack", refuse)
    monkeypatch.setattr(structure, "split", refuse)
    later = [b.tolist() for b in ds.shuffle(6, seed=1).batch(4)]
    assert sorted(sum(later, [])) == sorted(sum(first, [])) == [0, 2, 4, 6, 8, 10]


def test_cache_of_variable_shapes_keeps_elements():
    ds = Dataset.from_generator(lambda: (np.arange(n) for n in (1, 2, 3))).cache()
    for _ in range(2):
        assert [e.tolist() for e in ds] == [[0], [0, 1], [0, 1, 2]]


def test_file_cache_is_read_back_by_a_new_pipeline(tmp_path):
    path = str(tmp_path / "cache")
    calls = []
    assert [int(v) for v in counting_pipeline(calls).cache(path)] == [0, 2, 4, 6, 8, 10]
    fresh_calls = []
    assert [int(v) for v in counting_pipeline(fresh_calls).cache(path)] == [0, 2, 4, 6, 8, 10]
    assert calls == list(range(6)) and fresh_calls == []


def test_file_cache_abandoned_pass_leaves_no_file(tmp_path):
    path = tmp_path / "cache"
    ds = Dataset.range(5).cache(str(path))
    it = iter(ds)
    next(it)
    del it
    assert list(tmp_path.iterdir()) == []
