import numpy as np
import pytest

from kerax.data import Dataset

X = np.arange(12, dtype="float32").reshape(6, 2)
Y = np.arange(6)


def test_map_unpacks_tuples():
    ds = Dataset.from_tensor_slices((X, Y)).map(lambda x, y: (x * 2.0, y + 1))
    for i, (x, y) in enumerate(ds):
        np.testing.assert_array_equal(x, X[i] * 2.0)
        assert y == Y[i] + 1


def test_map_passes_dicts_whole_and_can_return_dicts():
    ds = Dataset.from_tensor_slices({"a": Y, "b": Y * 2}).map(lambda d: {"sum": d["a"] + d["b"]})
    assert [int(e["sum"]) for e in ds] == (Y * 3).tolist()


def test_map_returning_a_list_gives_a_tuple_and_python_numbers_become_arrays():
    (first, *_) = list(Dataset.range(3).map(lambda v: [v, 0.5]))
    assert isinstance(first, tuple) and first[1].dtype == np.float32 and first[1].shape == ()


def test_map_after_batch_sees_whole_batches():
    sums = [float(s) for s in Dataset.from_tensor_slices(X).batch(4).map(lambda b: b.sum())]
    assert sums == [X[:4].sum(), X[4:].sum()]


def test_map_returning_none_is_an_error():
    with pytest.raises(ValueError, match="returned None"):
        list(Dataset.range(2).map(lambda v: None))


def test_filter():
    ds = Dataset.from_tensor_slices((X, Y)).filter(lambda x, y: y % 2 == 0)
    assert [int(y) for _, y in ds] == [0, 2, 4]
    with pytest.raises(ValueError, match="scalar boolean"):
        list(Dataset.from_tensor_slices(X).filter(lambda x: x > 1))


def test_take_skip_and_negative_counts():
    ds = Dataset.range(10)
    assert [int(v) for v in ds.take(3)] == [0, 1, 2]
    assert [int(v) for v in ds.skip(7)] == [7, 8, 9]
    assert [int(v) for v in ds.skip(2).take(2)] == [2, 3]
    assert len(list(ds.take(-1))) == 10 and list(ds.skip(-1)) == []
    assert list(ds.take(0)) == [] and list(ds.skip(20)) == []


def test_repeat_counts_and_forever():
    assert [int(v) for v in Dataset.range(3).repeat(2)] == [0, 1, 2, 0, 1, 2]
    assert list(Dataset.range(3).repeat(0)) == []
    endless = iter(Dataset.range(3).repeat())
    assert [int(next(endless)) for _ in range(10)] == [0, 1, 2] * 3 + [0]
    assert [int(v) for v in Dataset.range(3).repeat().take(7)] == [0, 1, 2, 0, 1, 2, 0]


def test_endless_repeat_of_an_empty_dataset_ends():
    assert list(Dataset.range(0).repeat()) == []
    assert list(Dataset.from_generator(lambda: iter(())).repeat()) == []


def test_reduce_and_apply():
    assert int(Dataset.range(5).reduce(np.int64(0), lambda total, v: total + v)) == 10
    assert len(Dataset.range(5).apply(lambda ds: ds.take(2))) == 2
