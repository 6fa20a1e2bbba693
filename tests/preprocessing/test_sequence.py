"""pad_sequences, skipgrams, make_sampling_table and TimeseriesGenerator against hand-worked and documented
values."""
import random

import numpy as np
import pytest

import kerax
from kerax import layers, utils
from kerax.preprocessing import sequence

SEQS = [[1], [2, 3], [4, 5, 6]]


def test_pad_sequences_documented_examples():
    assert sequence.pad_sequences is utils.pad_sequences
    padded = utils.pad_sequences(SEQS)
    assert padded.dtype == np.int32
    np.testing.assert_array_equal(padded, [[0, 0, 1], [0, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(utils.pad_sequences(SEQS, value=-1), [[-1, -1, 1], [-1, 2, 3], [4, 5, 6]])
    np.testing.assert_array_equal(utils.pad_sequences(SEQS, padding="post"),
                                  [[1, 0, 0], [2, 3, 0], [4, 5, 6]])
    np.testing.assert_array_equal(utils.pad_sequences(SEQS, maxlen=2), [[0, 1], [2, 3], [5, 6]])
    np.testing.assert_array_equal(utils.pad_sequences(SEQS, maxlen=2, truncating="post"),
                                  [[0, 1], [2, 3], [4, 5]])


def test_pad_sequences_dtypes_samples_and_empty_rows():
    floats = utils.pad_sequences([[0.5], []], maxlen=2, dtype="float32", value=9.0)
    assert floats.dtype == np.float32
    np.testing.assert_array_equal(floats, [[9, 0.5], [9, 9]])
    strings = utils.pad_sequences([["a"], ["b", "c"]], dtype=object, value="x")
    assert strings.tolist() == [["x", "a"], ["b", "c"]]
    assert utils.pad_sequences([["ab"]], maxlen=2, dtype="<U2", value="-").tolist() == [["-", "ab"]]
    vectors = utils.pad_sequences([[[1, 2]], [[3, 4], [5, 6]]], padding="post")
    assert vectors.shape == (2, 2, 2)
    np.testing.assert_array_equal(vectors[0], [[1, 2], [0, 0]])
    assert utils.pad_sequences(SEQS, maxlen=0).shape == (3, 0)
    assert utils.pad_sequences((np.arange(3), np.arange(1) + 7), maxlen=2).tolist() == [[1, 2], [0, 7]]


def test_pad_sequences_errors():
    with pytest.raises(ValueError, match="not compatible with `value`'s type"):
        utils.pad_sequences(SEQS, value="x")
    with pytest.raises(ValueError, match="must be a list of iterables"):
        utils.pad_sequences([1, 2])
    with pytest.raises(ValueError, match='Padding type "middle" not understood'):
        utils.pad_sequences(SEQS, padding="middle")
    with pytest.raises(ValueError, match='Truncating type "both" not understood'):
        utils.pad_sequences(SEQS, truncating="both")
    with pytest.raises(ValueError, match="Shape of sample"):
        utils.pad_sequences([[[1, 2]], [[1, 2, 3]]])
    with pytest.raises(ValueError, match="must be iterable"):
        utils.pad_sequences(5)


SENTENCE = [1, 2, 3, 0, 4]
# window 1: every word with its neighbours; 0 is not a word and 4's only neighbour is 0
POSITIVES = [[1, 2], [2, 1], [2, 3], [3, 2]]


def test_skipgrams_positive_pairs_by_hand():
    couples, labels = sequence.skipgrams(SENTENCE, 5, window_size=1, negative_samples=0, shuffle=False)
    assert couples == POSITIVES and labels == [1] * 4
    _, categorical = sequence.skipgrams(SENTENCE, 5, window_size=1, negative_samples=0, shuffle=False,
                                        categorical=True)
    assert categorical == [[0, 1]] * 4
    wide, _ = sequence.skipgrams([5, 6, 7], 8, window_size=4, negative_samples=0, shuffle=False)
    assert wide == [[5, 6], [5, 7], [6, 5], [6, 7], [7, 5], [7, 6]]


def test_skipgrams_negatives_shuffle_and_seed():
    random.seed(3)
    couples, labels = sequence.skipgrams(SENTENCE, 5, window_size=1, negative_samples=1.5, shuffle=False)
    assert couples[:4] == POSITIVES and labels == [1] * 4 + [0] * 6
    assert all(w in (1, 2, 3) and 1 <= c <= 4 for w, c in couples[4:])
    random.seed(3)
    again = sequence.skipgrams(SENTENCE, 5, window_size=1, negative_samples=1.5, shuffle=False)
    assert again == (couples, labels)
    mixed, mixed_labels = sequence.skipgrams(SENTENCE, 5, window_size=1, negative_samples=0, seed=11)
    assert sorted(mixed) == sorted(POSITIVES) and mixed_labels == [1] * 4
    random.seed(0)
    first = sequence.skipgrams(SENTENCE, 5, window_size=1, seed=11)
    random.seed(0)
    assert sequence.skipgrams(SENTENCE, 5, window_size=1, seed=11) == first
    pairs = dict()
    for couple, label in zip(*first):
        pairs.setdefault(tuple(couple), set()).add(label)
    assert all(1 in pairs[tuple(p)] for p in POSITIVES)  # labels were shuffled along with their couples


def test_skipgrams_sampling_table_drops_words():
    table = np.ones(5)
    table[2] = 0.0  # word 2 is never kept as a centre word
    couples, _ = sequence.skipgrams(SENTENCE, 5, window_size=1, negative_samples=0, shuffle=False,
                                    sampling_table=table)
    assert couples == [[1, 2], [3, 2]]


def test_make_sampling_table_formula():
    size, factor = 6, 1e-3
    rank = np.array([1, 1, 2, 3, 4, 5], dtype=float)
    frequency_inverse = rank * (np.log(rank) + 0.577) + 0.5 - 1 / (12 * rank)
    expected = np.minimum(1.0, np.sqrt(factor * frequency_inverse))  # f / sqrt(f) = sqrt(f)
    np.testing.assert_allclose(sequence.make_sampling_table(size, sampling_factor=factor), expected)


def test_timeseries_generator_documented_example():
    data = np.array([[i] for i in range(50)])
    gen = sequence.TimeseriesGenerator(data, data, length=10, sampling_rate=2, batch_size=2)
    assert len(gen) == 20
    x, y = gen[0]
    np.testing.assert_array_equal(x, [[[0], [2], [4], [6], [8]], [[1], [3], [5], [7], [9]]])
    np.testing.assert_array_equal(y, [[10], [11]])
    assert isinstance(gen, utils.PyDataset)


def test_timeseries_generator_stride_reverse_bounds_and_config():
    data = np.arange(20)
    gen = sequence.TimeseriesGenerator(data, data * 10, length=3, stride=2, start_index=2, end_index=15,
                                       reverse=True, batch_size=3)
    # rows 5, 7, 9 | 11, 13, 15
    assert len(gen) == 2
    x, y = gen[1]
    np.testing.assert_array_equal(x, [[10, 9, 8], [12, 11, 10], [14, 13, 12]])
    np.testing.assert_array_equal(y, [110, 130, 150])
    config = gen.get_config()
    assert config["start_index"] == 5 and config["end_index"] == 15 and config["data"] == str(list(range(20)))
    assert '"class_name": "TimeseriesGenerator"' in gen.to_json()
    with pytest.raises(ValueError, match="Data and targets have to be of same length"):
        sequence.TimeseriesGenerator(data, data[:5], length=2)
    with pytest.raises(ValueError, match="is disallowed"):
        sequence.TimeseriesGenerator(data, data, length=30)


def test_timeseries_generator_feeds_fit():
    series = np.sin(np.arange(40, dtype="float32") / 3).reshape(-1, 1)
    gen = sequence.TimeseriesGenerator(series, series, length=4, batch_size=8)
    model = kerax.Sequential([layers.Input((4, 1)), layers.Flatten(), layers.Dense(1)])
    model.compile("sgd", "mse")
    history = model.fit(gen, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2 and np.isfinite(history.history["loss"]).all()
