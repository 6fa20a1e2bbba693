"""The text steps of TextVectorization, on the host and vectorised over whole batches with NumPy: standardize,
split into tokens, n-grams. Token lists are ragged: (flat tokens, tokens per row)."""
import itertools
import string

import numpy as np

# Keras strips the ASCII punctuation of `string.punctuation` and lowercases ASCII only (as tf.strings.lower).
_LOWER = {ord(c): ord(c.lower()) for c in string.ascii_uppercase}
_STRIP = {ord(c): None for c in string.punctuation}
STANDARDIZERS = {"lower": _LOWER, "strip_punctuation": _STRIP, "lower_and_strip_punctuation": {**_LOWER,
                                                                                               **_STRIP}}
SPLITTERS = ("whitespace", "character")


def standardize(texts, how):
    """`texts` (unicode array) lowercased and/or stripped of punctuation, or passed to a callable."""
    if how is None:
        return texts
    if callable(how):
        return np.asarray(how(texts)).astype(str)
    return np.char.translate(texts, STANDARDIZERS[how])


def split(texts, how):
    """(flat tokens, tokens per row) of a 1-D unicode array: on runs of whitespace, into characters, or by a
    callable returning one list of tokens per text."""
    if how == "whitespace":
        return _ragged(np.char.split(texts).tolist())
    if how == "character":
        lengths = np.char.str_len(texts)
        width = max(int(lengths.max(initial=0)), 1)
        characters = texts.astype(f"U{width}").view("U1").reshape(len(texts), width)
        return characters[np.arange(width) < lengths[:, None]], lengths.astype(np.int64)
    return _ragged([list(np.asarray(tokens).astype(str).reshape(-1)) for tokens in how(texts)])


def _ragged(lists):
    lengths = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    flat = np.array(list(itertools.chain.from_iterable(lists)), dtype=str)
    return flat, lengths


def ngrams(flat, lengths, widths, separator=" "):
    """For each row, its n-grams of each width in `widths` (in that order), joined by `separator`."""
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    pieces, rows = [], []
    for width in widths:
        counts = np.maximum(lengths - width + 1, 0)
        row_ids = np.repeat(np.arange(len(lengths)), counts)
        first = offsets[row_ids] + np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        gram = flat[first] if len(first) else np.array([], dtype=str)
        for k in range(1, width):
            gram = np.char.add(np.char.add(gram, separator), flat[first + k])
        pieces.append(gram)
        rows.append(row_ids)
    rows = np.concatenate(rows)
    order = np.argsort(rows, kind="stable")
    return np.concatenate(pieces)[order], np.bincount(rows, minlength=len(lengths)).astype(np.int64)


def to_dense(flat, lengths, length=None, fill=0):
    """[rows, length] array of ragged rows, cut or padded with `fill`; length defaults to the longest row."""
    length = int(lengths.max(initial=0)) if length is None else length
    out = np.full((len(lengths), length), fill, dtype=flat.dtype)
    positions = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    rows = np.repeat(np.arange(len(lengths)), lengths)
    keep = positions < length
    out[rows[keep], positions[keep]] = flat[keep]
    return out
