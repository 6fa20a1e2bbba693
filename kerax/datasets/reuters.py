"""Reuters newswires: 11,228 newswires labelled over 46 topics, each a list of word ids ranked by frequency
(see `word_sequences` for the id conventions)."""
import json

import numpy as np

from kerax.datasets import sources, word_sequences as ws
from kerax.datasets.npz_utils import load_npz

_LABEL_NAMES = (
    "cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper", "housing", "money-supply", "coffee",
    "sugar", "trade", "reserves", "ship", "cotton", "carcass", "crude", "nat-gas", "cpi", "money-fx",
    "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin", "strategic-metal", "livestock",
    "retail", "ipi", "iron-steel", "rubber", "heat", "jobs", "lei", "bop", "zinc", "orange", "pet-chem",
    "dlr", "gas", "silver", "wpi", "hog", "lead",
)


def load_data(path="reuters.npz", num_words=None, skip_top=0, maxlen=None, test_split=0.2, seed=113,
              start_char=1, oov_char=2, index_from=3):
    """Returns `(x_train, y_train), (x_test, y_test)`: object arrays of word-id lists and topic ids 0-45.

    The newswires are shuffled with `np.random.RandomState(seed)`, transformed as in `imdb.load_data`, and the
    last `test_split` fraction is the test set."""
    f = load_npz(sources.fetch("reuters.npz", path))
    rng = np.random.RandomState(seed)
    xs, labels = ws.shuffled(rng, f["x"], f["y"])
    xs = ws.shift(xs, start_char, index_from)
    if maxlen:
        xs, labels = ws.remove_long_seq(maxlen, xs, labels)
    xs = ws.limit_vocabulary(xs, num_words, skip_top, oov_char)
    idx = int(len(xs) * (1 - test_split))
    train = ws.object_array(xs[:idx]), np.array(labels[:idx])
    return train, (ws.object_array(xs[idx:]), np.array(labels[idx:]))


def get_word_index(path="reuters_word_index.json"):
    """The dict word -> id of the Reuters data (ids before the `index_from` shift of `load_data`)."""
    with open(sources.fetch("reuters_word_index.json", path)) as f:
        return json.load(f)


def get_label_names():
    """The 46 topic names, indexed like the labels."""
    return _LABEL_NAMES
