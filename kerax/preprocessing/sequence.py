"""tf.keras's sequence preprocessing (`keras.preprocessing.sequence`): padding, word2vec skip-gram pairs and
their sampling table, and `TimeseriesGenerator`.

`skipgrams` draws from Python's global `random` module exactly as tf.keras does, so after the same
`random.seed(...)` it returns the same pairs."""
import random

import numpy as np

from kerax.preprocessing.timeseries_generator import TimeseriesGenerator
from kerax.utils.sequence_utils import pad_sequences

_EULER_GAMMA = 0.577  # the rounded value tf.keras uses


def make_sampling_table(size, sampling_factor=1e-5):
    """`table[i]`: the probability of keeping the i-th most frequent word, word2vec's
    `min(1, sqrt(f / sampling_factor) / (f / sampling_factor))`, with frequencies from Zipf's law
    `f(rank) ~ 1 / (rank * (log(rank) + gamma) + 1/2 - 1/(12 * rank))` (rank 0 counted as rank 1)."""
    rank = np.arange(size)
    rank[0] = 1
    inverse_frequency = rank * (np.log(rank) + _EULER_GAMMA) + 0.5 - 1.0 / (12.0 * rank)
    f = sampling_factor * inverse_frequency
    return np.minimum(1.0, f / np.sqrt(f))


def _positive_pairs(sequence, window_size, sampling_table):
    couples = []
    for i, wi in enumerate(sequence):
        if not wi or (sampling_table is not None and sampling_table[wi] < random.random()):
            continue
        for j in range(max(0, i - window_size), min(len(sequence), i + window_size + 1)):
            if j != i and sequence[j]:
                couples.append([wi, sequence[j]])
    return couples


def skipgrams(sequence, vocabulary_size, window_size=4, negative_samples=1.0, shuffle=True, categorical=False,
              sampling_table=None, seed=None):
    """`(couples, labels)`: `[word, context]` pairs of words at most `window_size` apart (label 1) and, for
    `negative_samples` times as many, `[word, random id in [1, vocabulary_size)]` (label 0). Id 0 is skipped.
    Labels are `[0, 1]` / `[1, 0]` with `categorical=True`. `sampling_table[w]`: chance to keep word w."""
    couples = _positive_pairs(sequence, window_size, sampling_table)
    labels = [[0, 1] if categorical else 1] * len(couples)
    if negative_samples > 0:
        count = int(len(labels) * negative_samples)
        words = [c[0] for c in couples]
        random.shuffle(words)
        couples += [[words[i % len(words)], random.randint(1, int(vocabulary_size - 1))]
                    for i in range(count)]
        labels += [[1, 0] if categorical else 0] * count
    if shuffle:
        if seed is None:
            seed = random.randint(0, int(10e6))
        random.seed(seed)
        random.shuffle(couples)
        random.seed(seed)
        random.shuffle(labels)
    return couples, labels


__all__ = ["TimeseriesGenerator", "make_sampling_table", "pad_sequences", "skipgrams"]
