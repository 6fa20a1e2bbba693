"""imdb and reuters: the id transformations (start_char, index_from, oov_char, num_words, skip_top, maxlen)
checked against lists worked out by hand; the shuffles are Keras's documented `RandomState(seed)`."""
import io
import json
import pickle

import numpy as np
import pytest

from kerax import datasets


def ragged(*lists):
    array = np.empty(len(lists), dtype=object)
    for i, x in enumerate(lists):
        array[i] = list(x)
    return array


def npz_bytes(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def permutations(seed, *sizes):
    """The orders Keras's shuffles give: one RandomState, one `shuffle(arange(n))` per split."""
    rng = np.random.RandomState(seed)
    orders = []
    for n in sizes:
        order = np.arange(n)
        rng.shuffle(order)
        orders.append(order)
    return orders


RAW_TRAIN = [[1, 2, 3], [4, 5], [2, 2, 6, 1]]
RAW_TEST = [[3, 1], [6, 6, 6, 6, 6]]
Y_TRAIN, Y_TEST = [0, 1, 1], [1, 0]


@pytest.fixture
def imdb_files(place):
    place("imdb.npz", npz_bytes(x_train=ragged(*RAW_TRAIN), y_train=np.array(Y_TRAIN),
                                x_test=ragged(*RAW_TEST), y_test=np.array(Y_TEST)))


# Hand-worked results per raw review (train 0-2, test 0-1), before the shuffle.
IMDB_CASES = {
    # ids + 3 after a leading 1; no num_words: the largest id (6 + 3 = 9) is the limit, so 9 becomes oov 2
    "defaults": (dict(), [[1, 4, 5, 6], [1, 7, 8], [1, 5, 5, 2, 4]], [[1, 6, 4], [1, 2, 2, 2, 2, 2]]),
    # only sequences shorter than 5 (with the start char) stay; ids outside [2, 6) become 2
    "limits": (dict(num_words=6, skip_top=2, maxlen=5), [[2, 4, 5, 2], [2, 2, 2], None], [[2, 2, 4], None]),
    # no start char, no shift, out-of-vocabulary ids dropped
    "raw ids": (dict(start_char=None, index_from=0, oov_char=None, num_words=4),
                [[1, 2, 3], [], [2, 2, 1]], [[3, 1], []]),
    "other chars": (dict(start_char=7, oov_char=0, index_from=1, num_words=5),
                    [[0, 2, 3, 4], [0, 0, 0], [0, 3, 3, 0, 2]], [[0, 4, 2], [0, 0, 0, 0, 0, 0]]),
}


@pytest.mark.parametrize("case", sorted(IMDB_CASES))
def test_imdb_transformations(imdb_files, case):
    kwargs, train, test = IMDB_CASES[case]
    train_order, test_order = permutations(kwargs.get("seed", 113), 3, 2)
    expected_train = [(train[i], Y_TRAIN[i]) for i in train_order if train[i] is not None]
    expected_test = [(test[i], Y_TEST[i]) for i in test_order if test[i] is not None]
    (x_train, y_train), (x_test, y_test) = datasets.imdb.load_data(**kwargs)
    assert x_train.dtype == object and x_train.ndim == 1
    assert [list(x) for x in x_train] == [x for x, _ in expected_train]
    assert list(y_train) == [y for _, y in expected_train]
    assert [list(x) for x in x_test] == [x for x, _ in expected_test]
    assert list(y_test) == [y for _, y in expected_test]


def test_imdb_seed_changes_the_order_and_maxlen_too_small_raises(imdb_files):
    (a, _), _ = datasets.imdb.load_data(seed=113)
    (b, _), _ = datasets.imdb.load_data(seed=1)
    order_113, order_1 = permutations(113, 3)[0], permutations(1, 3)[0]
    assert [len(x) for x in a] == [len(RAW_TRAIN[i]) + 1 for i in order_113]
    assert [len(x) for x in b] == [len(RAW_TRAIN[i]) + 1 for i in order_1]
    with pytest.raises(ValueError, match="Increase maxlen"):
        datasets.imdb.load_data(maxlen=2)
    with pytest.raises(TypeError, match="Unrecognized keyword arguments"):
        datasets.imdb.load_data(num_word=10)


def test_imdb_refuses_a_pickle_that_runs_code(place):
    class Evil:
        def __reduce__(self):
            return (print, ("owned",))

    array = np.empty(1, dtype=object)
    array[0] = Evil()
    place("imdb.npz", npz_bytes(x_train=array, y_train=np.array([0]), x_test=array, y_test=np.array([0])))
    with pytest.raises(pickle.UnpicklingError, match="Refusing to load `builtins.print`"):
        datasets.imdb.load_data()


def test_word_indexes(place):
    place("imdb_word_index.json", json.dumps({"the": 1, "and": 2}).encode())
    place("reuters_word_index.json", json.dumps({"the": 1, "of": 2}).encode())
    assert datasets.imdb.get_word_index() == {"the": 1, "and": 2}
    assert datasets.reuters.get_word_index() == {"the": 1, "of": 2}


REUTERS_RAW = [[1, 2], [3, 3, 3], [5], [2, 4, 1, 1], [6, 7]]
REUTERS_Y = [3, 4, 3, 19, 45]


@pytest.mark.parametrize("kwargs, transformed", [
    # defaults: start 1, ids + 3, the largest id (7 + 3 = 10) becomes oov 2
    (dict(), [[1, 4, 5], [1, 6, 6, 6], [1, 8], [1, 5, 7, 4, 4], [1, 9, 2]]),
    (dict(num_words=7, skip_top=5, maxlen=4), [[2, 2, 5], None, [2, 2], None, [2, 2, 2]]),
    (dict(oov_char=None, num_words=8, test_split=0.6), [[1, 4, 5], [1, 6, 6, 6], [1], [1, 5, 7, 4, 4], [1]]),
])
def test_reuters_transformations_and_split(place, kwargs, transformed):
    place("reuters.npz", npz_bytes(x=ragged(*REUTERS_RAW), y=np.array(REUTERS_Y)))
    order = permutations(113, 5)[0]
    kept = [(transformed[i], REUTERS_Y[i]) for i in order if transformed[i] is not None]
    cut = int(len(kept) * (1 - kwargs.get("test_split", 0.2)))
    (x_train, y_train), (x_test, y_test) = datasets.reuters.load_data(**kwargs)
    assert [list(x) for x in x_train] == [x for x, _ in kept[:cut]]
    assert [list(x) for x in x_test] == [x for x, _ in kept[cut:]]
    assert list(y_train) == [y for _, y in kept[:cut]] and list(y_test) == [y for _, y in kept[cut:]]


def test_reuters_label_names():
    names = datasets.reuters.get_label_names()
    assert len(names) == 46 and names[:4] == ("cocoa", "grain", "veg-oil", "earn") and names[-1] == "lead"
