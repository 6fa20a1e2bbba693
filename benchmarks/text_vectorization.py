"""Strings per second of TextVectorization (vectorised NumPy on the host) against a plain Python loop doing
the same work per sentence (lower-case, strip punctuation, split on whitespace, vocabulary lookup with OOV
index 1, pad or cut to a fixed length), on 100k short generated sentences.

    python benchmarks/text_vectorization.py [n_sentences]
"""
import re
import string
import sys
import time

import numpy as np

import kerax as keras

LENGTH = 12


def sentences(n, seed=0):
    rng = np.random.default_rng(seed)
    words = np.array(["".join(rng.choice(list("abcdefghij"), size=rng.integers(2, 8))) for _ in range(2000)])
    lengths = rng.integers(3, 12, size=n)
    marks = rng.choice(["", ".", "!", "?", ","], size=n)
    picks = words[rng.zipf(1.3, size=lengths.sum()) % len(words)]
    cuts = np.cumsum(lengths)[:-1]
    return [" ".join(s).capitalize() + m for s, m in zip(np.split(picks, cuts), marks)]


def python_loop(texts, vocabulary):
    index = {word: i + 2 for i, word in enumerate(vocabulary)}
    punctuation = re.compile(f"[{re.escape(string.punctuation)}]")
    out = []
    for text in texts:
        tokens = [index.get(w, 1) for w in punctuation.sub("", text.lower()).split()][:LENGTH]
        out.append(tokens + [0] * (LENGTH - len(tokens)))
    return np.array(out)


def rate(fn, texts, repeats=3):
    best = min(_timed(fn, texts) for _ in range(repeats))
    return len(texts) / best


def _timed(fn, texts):
    start = time.perf_counter()
    fn(texts)
    return time.perf_counter() - start


def main(n):
    texts = sentences(n)
    layer = keras.layers.TextVectorization(max_tokens=5000, output_sequence_length=LENGTH)
    layer.adapt(texts)
    vocabulary = layer.get_vocabulary()[2:]
    np.testing.assert_array_equal(np.asarray(layer(texts[:1000])), python_loop(texts[:1000], vocabulary))
    layer_rate = rate(lambda t: np.asarray(layer(t)), texts)
    loop_rate = rate(lambda t: python_loop(t, vocabulary), texts)
    print(f"sentences: {n}, mean words: {np.mean([len(t.split()) for t in texts]):.1f}, "
          f"vocabulary: {len(vocabulary) + 2}")
    print(f"TextVectorization: {layer_rate:,.0f} strings/s")
    print(f"plain Python loop: {loop_rate:,.0f} strings/s")
    print(f"ratio (layer / loop): {layer_rate / loop_rate:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
