"""Vocabularies on the host: looking tokens up by binary search in a sorted copy (vectorised over all tokens),
and the token and document counts `adapt()` accumulates batch by batch."""
import numpy as np


def as_tokens(values, dtype, encoding="utf-8"):
    """Host tokens of the vocabulary's kind: unicode strings (bytes decoded) or int64."""
    values = np.asarray(values)
    if dtype != "string":
        if values.dtype.kind not in "iub":
            raise ValueError(f"Expected integer tokens, received an array of dtype {values.dtype}.")
        return values.astype(np.int64)
    if values.dtype.kind == "U":
        return values
    if values.dtype.kind == "S":
        return np.char.decode(values, encoding)
    if values.dtype.kind == "O":
        if values.size and isinstance(values.reshape(-1)[0], bytes):
            return np.char.decode(values.astype(bytes), encoding)
        return values.astype(str)
    raise ValueError(f"Expected string tokens, received an array of dtype {values.dtype}.")


class VocabularyTable:
    """tokens[i] has index start + i; anything else has `default`."""

    def __init__(self, tokens, start):
        self.tokens = np.asarray(tokens)
        self.start = start
        self._order = np.argsort(self.tokens, kind="stable")
        self._sorted = self.tokens[self._order]

    def __len__(self):
        return len(self.tokens)

    def lookup(self, values, default):
        values = np.asarray(values)
        if not len(self.tokens):
            return np.full(values.shape, default, dtype=np.int64)
        position = np.minimum(np.searchsorted(self._sorted, values), len(self._sorted) - 1)
        found = self._sorted[position] == values
        return np.where(found, self._order[position] + self.start, default).astype(np.int64)


class TokenCounts:
    """Occurrences of each token, and (for TF-IDF) the number of documents each occurs in."""

    def __init__(self, with_documents):
        self.tokens, self.counts = None, None
        self.doc_tokens, self.doc_counts = None, None
        self.with_documents = with_documents
        self.num_documents = 0

    def update(self, flat_tokens, row_ids, num_rows):
        self.tokens, self.counts = _merge(self.tokens, self.counts, *np.unique(flat_tokens,
                                                                               return_counts=True))
        if self.with_documents:
            pairs = np.unique(np.stack([row_ids.astype(np.int64), _codes(flat_tokens)]), axis=1)
            uniques = np.unique(flat_tokens)
            per_document = np.bincount(pairs[1], minlength=len(uniques))
            self.doc_tokens, self.doc_counts = _merge(self.doc_tokens, self.doc_counts, uniques, per_document)
            self.num_documents += num_rows

    def vocabulary(self, drop, limit):
        """Tokens by decreasing count, ties by decreasing token, without `drop`, at most `limit` of them."""
        if self.tokens is None:
            return self.tokens
        keep = ~np.isin(self.tokens, [t for t in drop if t is not None]) if any(t is not None for t in drop) \
            else np.ones(len(self.tokens), bool)
        tokens, counts = self.tokens[keep], self.counts[keep]
        order = np.lexsort((tokens, counts))[::-1]
        return tokens[order[:limit] if limit is not None else order]

    def document_counts(self, tokens):
        position = np.searchsorted(self.doc_tokens, tokens)
        return self.doc_counts[np.minimum(position, len(self.doc_tokens) - 1)]


def _codes(values):
    return np.unique(values, return_inverse=True)[1].reshape(-1)


def _merge(tokens, counts, new_tokens, new_counts):
    """Sorted unique tokens with summed counts."""
    if tokens is None:
        return new_tokens, new_counts.astype(np.int64)
    merged, inverse = np.unique(np.concatenate([tokens, new_tokens]), return_inverse=True)
    return merged, np.bincount(inverse.reshape(-1), weights=np.concatenate([counts, new_counts]),
                               minlength=len(merged)).astype(np.int64)
