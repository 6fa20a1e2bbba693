"""IMDB movie reviews: 25,000 training and 25,000 test reviews labelled by sentiment (1 positive, 0 negative),
each a list of word ids ranked by frequency (see `word_sequences` for the id conventions)."""
import json
import warnings

import numpy as np

from kerax.datasets import sources, word_sequences as ws
from kerax.datasets.npz_utils import load_npz


def load_data(path="imdb.npz", num_words=None, skip_top=0, maxlen=None, seed=113, start_char=1, oov_char=2,
              index_from=3, **kwargs):
    """Returns `(x_train, y_train), (x_test, y_test)`: object arrays of word-id lists and integer labels.

    Each split is shuffled with `np.random.RandomState(seed)`; ids are shifted by `index_from` after a leading
    `start_char`; with `maxlen`, only reviews shorter than it are kept; ids not in `[skip_top, num_words)`
    become `oov_char` (or are dropped when it is None)."""
    if "nb_words" in kwargs:  # tf.keras's old name
        warnings.warn("The `nb_words` argument in `load_data` has been renamed `num_words`.", stacklevel=2)
        num_words = kwargs.pop("nb_words")
    if kwargs:
        raise TypeError(f"Unrecognized keyword arguments: {kwargs}.")
    f = load_npz(sources.fetch("imdb.npz", path))
    rng = np.random.RandomState(seed)
    x_train, labels_train = ws.shuffled(rng, f["x_train"], f["y_train"])
    x_test, labels_test = ws.shuffled(rng, f["x_test"], f["y_test"])
    x_train, x_test = ws.shift(x_train, start_char, index_from), ws.shift(x_test, start_char, index_from)
    if maxlen:
        x_train, labels_train = ws.remove_long_seq(maxlen, x_train, labels_train)
        x_test, labels_test = ws.remove_long_seq(maxlen, x_test, labels_test)
        if not x_train or not x_test:
            raise ValueError(f"After filtering for sequences shorter than maxlen={maxlen}, no sequence was "
                             "kept. Increase maxlen.")
    xs = ws.limit_vocabulary(x_train + x_test, num_words, skip_top, oov_char)
    labels = np.concatenate([labels_train, labels_test])
    idx = len(x_train)
    return (ws.object_array(xs[:idx]), labels[:idx]), (ws.object_array(xs[idx:]), labels[idx:])


def get_word_index(path="imdb_word_index.json"):
    """The dict word -> id of the IMDB data (ids before the `index_from` shift of `load_data`)."""
    with open(sources.fetch("imdb_word_index.json", path)) as f:
        return json.load(f)
