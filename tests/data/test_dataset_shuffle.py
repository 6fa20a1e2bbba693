import numpy as np
import pytest

from kerax import utils
from kerax.data import Dataset

N = 50


def order(ds):
    return [int(v) for v in ds]


@pytest.mark.parametrize("buffer_size", [1, 10, N, 1000])
@pytest.mark.parametrize("random_access", [True, False])
def test_shuffle_is_a_permutation(buffer_size, random_access):
    ds = Dataset.range(N) if random_access else Dataset.range(N).map(lambda v: v)
    values = order(ds.shuffle(buffer_size, seed=3))
    assert sorted(values) == list(range(N))


def test_buffer_of_one_keeps_the_order():
    assert order(Dataset.range(N).shuffle(1)) == list(range(N))


def test_small_buffer_only_moves_elements_forward_by_less_than_the_buffer():
    # With a buffer of k, the output at position p is one of the first p + k elements.
    k = 5
    for seed in range(5):
        values = order(Dataset.range(N).shuffle(k, seed=seed))
        assert values[0] < k
        assert all(v <= position + k - 1 for position, v in enumerate(values))


def test_full_buffer_mixes_the_whole_dataset():
    values = order(Dataset.range(N).shuffle(N, seed=0))
    assert values != list(range(N))
    assert max(values[:5]) > 10  # a buffer of 5 could never produce this


def test_each_pass_reshuffles_and_a_seed_makes_the_passes_repeatable():
    ds = Dataset.range(N).shuffle(N, seed=7)
    first, second = order(ds), order(ds)
    assert first != second
    again = Dataset.range(N).shuffle(N, seed=7)
    assert (order(again), order(again)) == (first, second)


def test_reshuffle_each_iteration_false_repeats_the_order():
    ds = Dataset.range(N).shuffle(N, seed=7, reshuffle_each_iteration=False)
    assert order(ds) == order(ds)


def test_shuffle_below_repeat_gives_each_pass_a_new_order():
    values = order(Dataset.range(N).shuffle(N, seed=1).repeat(2))
    first, second = values[:N], values[N:]
    assert sorted(first) == sorted(second) == list(range(N)) and first != second


def test_set_random_seed_makes_unseeded_shuffles_repeatable():
    utils.set_random_seed(5)
    a = order(Dataset.range(N).shuffle(N))
    utils.set_random_seed(5)
    b = order(Dataset.range(N).shuffle(N))
    assert a == b


def test_shuffled_batches_keep_features_and_labels_together():
    x = np.arange(N * 2).reshape(N, 2)
    y = np.arange(N)
    batches = list(Dataset.from_tensor_slices((x, y)).shuffle(N, seed=2).batch(8))
    assert [len(b[1]) for b in batches] == [8] * 6 + [2]
    for bx, by in batches:
        np.testing.assert_array_equal(bx, x[by])
    assert sorted(np.concatenate([b[1] for b in batches]).tolist()) == list(range(N))


def test_buffer_size_must_be_positive():
    with pytest.raises(ValueError, match="buffer_size"):
        Dataset.range(3).shuffle(0)


def test_small_buffer_over_a_huge_range_reads_only_what_is_used():
    values = order(Dataset.range(10**12).shuffle(10, seed=0).take(5))
    assert len(values) == 5 and all(v < 14 for v in values)
