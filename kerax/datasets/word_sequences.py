"""The word-index transformations shared by the IMDB and Reuters datasets, as Keras applies them.

Word ids in the files start at 1 (1 = most frequent word). They are shifted by `index_from`, prefixed with
`start_char`, and ids outside `[skip_top, num_words)` become `oov_char` (or are dropped when it is None)."""
import numpy as np


def shuffled(rng, *arrays):
    """The arrays reordered by one permutation drawn from `rng` (a `np.random.RandomState`)."""
    indices = np.arange(len(arrays[0]))
    rng.shuffle(indices)
    return [a[indices] for a in arrays]


def shift(sequences, start_char, index_from):
    if start_char is not None:
        return [[start_char] + [w + index_from for w in x] for x in sequences]
    return [[w + index_from for w in x] for x in sequences]


def remove_long_seq(maxlen, sequences, labels):
    """Only the sequences shorter than `maxlen` (strictly, as Keras), with their labels."""
    kept = [(x, y) for x, y in zip(sequences, labels) if len(x) < maxlen]
    return [x for x, _ in kept], [y for _, y in kept]


def limit_vocabulary(sequences, num_words, skip_top, oov_char):
    """Ids outside `[skip_top, num_words)` replaced by `oov_char`, or dropped when it is None. Without
    `num_words`, the limit is the largest id, which (as in Keras) puts that one id out of vocabulary."""
    if not num_words:
        num_words = max(max(x) for x in sequences)
    if oov_char is not None:
        return [[w if skip_top <= w < num_words else oov_char for w in x] for x in sequences]
    return [[w for w in x if skip_top <= w < num_words] for x in sequences]


def object_array(sequences):
    """A 1-D object array of lists (also when all have the same length, where `np.array` would make 2-D)."""
    array = np.empty(len(sequences), dtype=object)
    for i, x in enumerate(sequences):
        array[i] = list(x)
    return array
