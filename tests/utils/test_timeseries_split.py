import numpy as np
import pytest

import kerax
from kerax import data, layers, preprocessing, utils


def test_keras_documented_windows():
    # Keras's example 1: indices 0..98, sequence_length=10, sampling_rate=2, sequence_stride=3.
    ds = utils.timeseries_dataset_from_array(np.arange(99), None, 10, sequence_stride=3, sampling_rate=2,
                                             batch_size=None)
    windows = [w.tolist() for w in ds]
    assert windows[0] == list(range(0, 20, 2)) and windows[1] == list(range(3, 23, 2))
    assert windows[-1] == list(range(78, 98, 2)) and len(windows) == 27


def test_targets_batches_and_index_range():
    series = np.arange(100, dtype="float32")
    ds = preprocessing.timeseries_dataset_from_array(series[:-10], series[10:], sequence_length=10,
                                                     batch_size=32)
    x, y = next(iter(ds))
    np.testing.assert_array_equal(x[0], series[:10])
    assert y[0] == series[10] and x.shape == (32, 10) and int(ds.cardinality()) == 3
    ds = utils.timeseries_dataset_from_array(series, series, 5, start_index=20, end_index=40, batch_size=None)
    pairs = [(w.tolist(), float(t)) for w, t in ds]
    assert pairs[0] == (list(range(20, 25)), 20.0) and pairs[-1] == (list(range(35, 40)), 35.0)


def test_shuffle_is_a_permutation_of_the_windows_and_errors():
    ds = utils.timeseries_dataset_from_array(np.arange(50), None, 4, shuffle=True, seed=7, batch_size=8)
    starts = sorted(int(w[0]) for b in ds for w in b)
    assert starts == list(range(47))
    with pytest.raises(ValueError, match="`start_index` must be lower than the length of the data"):
        utils.timeseries_dataset_from_array(np.arange(5), None, 2, start_index=5)
    with pytest.raises(ValueError, match="`sequence_stride` must be higher than 0"):
        utils.timeseries_dataset_from_array(np.arange(5), None, 2, sequence_stride=0)


def test_timeseries_dataset_trains():
    series = np.sin(np.arange(200, dtype="float32") / 5)[:, None]
    ds = utils.timeseries_dataset_from_array(series[:-4], series[4:], sequence_length=4, batch_size=16)
    model = kerax.Sequential([layers.Input((4, 1)), layers.Flatten(), layers.Dense(1)])
    model.compile("sgd", "mse")
    assert np.isfinite(model.fit(ds, epochs=1, verbose=0).history["loss"][0])


def test_split_dataset_sizes_shuffle_and_structure():
    x = np.arange(20).reshape(10, 2)
    left, right = utils.split_dataset(x, left_size=0.8)
    assert int(left.cardinality()) == 8 and int(right.cardinality()) == 2
    np.testing.assert_array_equal(np.stack(list(right)), x[8:])
    y = np.arange(10)
    left, right = utils.split_dataset((x, y), right_size=3, shuffle=True, seed=5)
    order = list(range(10))
    import random
    random.Random(5).shuffle(order)  # Keras shuffles the samples with Python's random and the seed
    assert [int(b) for _, b in left] == order[:7] and [int(b) for _, b in right] == order[7:]
    batched = data.Dataset.from_tensor_slices({"a": x, "b": y}).batch(4)
    left, right = utils.split_dataset(batched, left_size=6)
    first = next(iter(left))
    assert first["a"].shape == (4, 2) and int(left.cardinality()) == 2 and int(right.cardinality()) == 1


def test_split_dataset_errors():
    with pytest.raises(ValueError, match="At least one of the `left_size` or `right_size` must be specified"):
        utils.split_dataset(np.zeros((4, 1)))
    with pytest.raises(ValueError, match="`left_size` should be either a positive integer smaller than 4"):
        utils.split_dataset(np.zeros((4, 1)), left_size=4)
    with pytest.raises(ValueError, match="The sum of `left_size` and `right_size` is greater than 1"):
        utils.split_dataset(np.zeros((4, 1)), left_size=0.7, right_size=0.6)
    with pytest.raises(TypeError, match="Invalid `right_size` Type"):
        utils.split_dataset(np.zeros((4, 1)), right_size="2")
    with pytest.raises(ValueError, match="Resulting left side dataset split will be empty"):
        utils.split_dataset(np.zeros((4, 1)), left_size=0.1)
    with pytest.raises(NotImplementedError, match="torch datasets"):
        utils.split_dataset(np.zeros((4, 1)), left_size=2, preferred_backend="torch")
    with pytest.raises(TypeError, match="must be either a `kerax.data.Dataset` object"):
        utils.split_dataset({"a": np.zeros(3)}, left_size=1)
