import numpy as np
import pytest

from kerax import data
from kerax.data import Dataset


def test_zip_tuple_stops_at_the_shortest():
    a, b = Dataset.range(5), Dataset.range(10, 13)
    assert [(int(x), int(y)) for x, y in Dataset.zip((a, b))] == [(0, 10), (1, 11), (2, 12)]
    assert [(int(x), int(y)) for x, y in Dataset.zip(a, b)] == [(0, 10), (1, 11), (2, 12)]
    assert [int(d["b"]) for d in Dataset.zip(datasets={"a": a, "b": b})] == [10, 11, 12]
    assert len(Dataset.zip((a, b))) == 3


def test_zip_nested_dict_structure_and_batch():
    x = np.arange(8).reshape(4, 2)
    ds = Dataset.zip({"x": Dataset.from_tensor_slices(x), "y": (Dataset.range(4), Dataset.range(7))})
    first = next(iter(ds))
    np.testing.assert_array_equal(first["x"], [0, 1])
    assert int(first["y"][1]) == 0
    batches = list(ds.batch(3))
    assert [b["x"].shape for b in batches] == [(3, 2), (1, 2)]
    np.testing.assert_array_equal(batches[1]["y"][0], [3])


def test_zip_of_different_lengths_batches_like_the_elementwise_zip():
    short, long = Dataset.from_tensor_slices(np.arange(7)), Dataset.from_tensor_slices(np.arange(10) * 2)
    batches = list(Dataset.zip((long, short)).batch(4))
    assert [len(b[0]) for b in batches] == [4, 3]
    np.testing.assert_array_equal(batches[1][0], [8, 10, 12])
    np.testing.assert_array_equal(batches[1][1], [4, 5, 6])


def test_zip_rejects_non_datasets():
    with pytest.raises(TypeError, match="nested structure of Datasets"):
        Dataset.zip((Dataset.range(2), [1, 2]))


def test_concatenate():
    ds = Dataset.range(3).concatenate(Dataset.range(10, 12))
    assert [int(v) for v in ds] == [0, 1, 2, 10, 11]
    assert len(ds) == 5
    assert [b.tolist() for b in ds.batch(2)] == [[0, 1], [2, 10], [11]]


def test_enumerate():
    ds = Dataset.from_tensor_slices(np.array([5.0, 6.0, 7.0])).enumerate(start=1)
    assert [(int(i), float(v)) for i, v in ds] == [(1, 5.0), (2, 6.0), (3, 7.0)]
    i, v = next(iter(ds.batch(2)))
    assert i.dtype == np.int64 and i.tolist() == [1, 2] and v.tolist() == [5.0, 6.0]


def test_cardinality_rules():
    ten = Dataset.range(10)
    unknown = ten.filter(lambda v: v > 2)
    assert ten.cardinality() == 10 and ten.cardinality().numpy() == 10
    assert ten.repeat().cardinality() == data.INFINITE_CARDINALITY == -1
    assert unknown.cardinality() == data.UNKNOWN_CARDINALITY == -2
    assert ten.repeat(3).batch(4).cardinality() == 8
    assert ten.repeat().take(5).cardinality() == 5
    assert ten.skip(4).take(100).cardinality() == 6
    assert ten.concatenate(ten.repeat()).cardinality() == -1
    assert Dataset.zip((ten, ten.repeat())).cardinality() == 10
    assert Dataset.zip((ten, unknown)).cardinality() == -2
    assert data.experimental.cardinality(ten.shuffle(3).map(lambda v: v)) == 10


def test_len_of_infinite_or_unknown_raises_but_dataset_stays_truthy():
    with pytest.raises(TypeError, match="infinite"):
        len(Dataset.range(3).repeat())
    with pytest.raises(TypeError, match="unknown"):
        len(Dataset.from_generator(lambda: iter(range(3))))
    assert Dataset.range(3).repeat()


def test_autotune_constants():
    assert data.AUTOTUNE == data.experimental.AUTOTUNE == -1
    ds = Dataset.range(4).map(lambda v: v * 2, num_parallel_calls=data.AUTOTUNE).prefetch(data.AUTOTUNE)
    assert [int(v) for v in ds] == [0, 2, 4, 6]
