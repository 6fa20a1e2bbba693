"""tf.keras's `Tokenizer`: a word vocabulary ranked by frequency, texts as id sequences or as matrices."""
import collections
import json
import warnings

import numpy as np

from kerax.preprocessing.text_defaults import DEFAULT_FILTERS, text_to_word_sequence

_MODES = ("binary", "count", "tfidf", "freq")


class Tokenizer:
    """Word ids start at 1 (0 is reserved) in order of decreasing frequency, ties in order of first
    appearance; `oov_token`, when given, takes id 1. Only ids below `num_words` are used when turning texts
    into sequences or matrices. `char_level=True` makes every character a token; a text given as a list is
    taken as its tokens."""

    def __init__(self, num_words=None, filters=DEFAULT_FILTERS, lower=True, split=" ", char_level=False,
                 oov_token=None, analyzer=None, **kwargs):
        if "nb_words" in kwargs:
            warnings.warn("The `nb_words` argument in `Tokenizer` has been renamed `num_words`.",
                          stacklevel=2)
            num_words = kwargs.pop("nb_words")
        document_count = kwargs.pop("document_count", 0)
        if kwargs:
            raise TypeError(f"Unrecognized keyword arguments: {kwargs}")
        self.num_words = num_words
        self.filters = filters
        self.lower = lower
        self.split = split
        self.char_level = char_level
        self.oov_token = oov_token
        self.analyzer = analyzer
        self.document_count = document_count
        self.word_counts = collections.OrderedDict()
        self.word_docs = collections.defaultdict(int)
        self.index_docs = collections.defaultdict(int)
        self.word_index = {}
        self.index_word = {}

    def _tokens(self, text):
        if self.char_level or isinstance(text, list):
            if self.lower:
                text = [t.lower() for t in text] if isinstance(text, list) else text.lower()
            return text
        if self.analyzer is not None:
            return self.analyzer(text)
        return text_to_word_sequence(text, filters=self.filters, lower=self.lower, split=self.split)

    def fit_on_texts(self, texts):
        """Counts the words of `texts` (strings, or lists of tokens) and ranks the vocabulary again."""
        for text in texts:
            self.document_count += 1
            tokens = self._tokens(text)
            for w in tokens:
                self.word_counts[w] = self.word_counts.get(w, 0) + 1
            for w in set(tokens):
                self.word_docs[w] += 1
        # sorted() is stable: words with equal counts keep the order they were first seen in
        ranked = sorted(self.word_counts, key=self.word_counts.get, reverse=True)
        vocabulary = ([] if self.oov_token is None else [self.oov_token]) + ranked
        self.word_index = {w: i for i, w in enumerate(vocabulary, start=1)}
        self.index_word = {i: w for w, i in self.word_index.items()}
        for w, count in self.word_docs.items():
            self.index_docs[self.word_index[w]] = count

    def fit_on_sequences(self, sequences):
        """Counts documents per id from id sequences (for `sequences_to_matrix(mode="tfidf")`)."""
        self.document_count += len(sequences)
        for seq in sequences:
            for i in set(seq):
                self.index_docs[i] += 1

    def _kept(self, index):
        """`index` when it is within `num_words`, else the OOV id (None when there is no OOV token)."""
        if self.num_words and index >= self.num_words:
            return self.word_index.get(self.oov_token)
        return index

    def texts_to_sequences_generator(self, texts):
        oov = self.word_index.get(self.oov_token)
        for text in texts:
            ids = (self.word_index.get(w) for w in self._tokens(text))
            ids = (oov if i is None else self._kept(i) for i in ids)
            yield [i for i in ids if i is not None]

    def texts_to_sequences(self, texts):
        """Each text as the list of its words' ids; unknown words are dropped, or given the OOV id."""
        return list(self.texts_to_sequences_generator(texts))

    def sequences_to_texts_generator(self, sequences):
        oov = self.word_index.get(self.oov_token)
        for seq in sequences:
            ids = (self._kept(i) if i in self.index_word else oov for i in seq)
            yield " ".join(self.index_word[i] for i in ids if i is not None)

    def sequences_to_texts(self, sequences):
        """Each id sequence as a text of space-separated words (the inverse of `texts_to_sequences`)."""
        return list(self.sequences_to_texts_generator(sequences))

    def texts_to_matrix(self, texts, mode="binary"):
        return self.sequences_to_matrix(self.texts_to_sequences(texts), mode=mode)

    def _width(self):
        if self.num_words:
            return self.num_words
        if self.word_index:
            return len(self.word_index) + 1
        raise ValueError("Specify a dimension (`num_words` argument), or fit on some text data first.")

    def _score(self, j, count, length, mode):
        if mode == "count":
            return count
        if mode == "freq":
            return count / length
        if mode == "binary":
            return 1
        return (1 + np.log(count)) * np.log(1 + self.document_count / (1 + self.index_docs.get(j, 0)))

    def sequences_to_matrix(self, sequences, mode="binary"):
        """A `(len(sequences), num_words)` float matrix: per id, 1 ("binary"), its count ("count"), its count
        over the sequence length ("freq"), or `(1 + log(count)) * log(1 + documents / (1 + documents with the
        id))` ("tfidf"). Ids at or above the width are ignored."""
        if mode not in _MODES:
            raise ValueError(f"Unknown vectorization mode: {mode!r}. Expected one of {_MODES}.")
        width = self._width()
        if mode == "tfidf" and not self.document_count:
            raise ValueError("Fit the Tokenizer on some data before using tfidf mode.")
        x = np.zeros((len(sequences), width))
        for row, seq in enumerate(sequences):
            counts = collections.Counter(j for j in seq if j < width)
            for j, count in counts.items():
                x[row, j] = self._score(j, count, len(seq), mode)
        return x

    def get_config(self):
        """The settings and vocabulary statistics, the latter as JSON strings as tf.keras writes them."""
        return {
            "num_words": self.num_words, "filters": self.filters, "lower": self.lower, "split": self.split,
            "char_level": self.char_level, "oov_token": self.oov_token, "document_count": self.document_count,
            "word_counts": json.dumps(self.word_counts), "word_docs": json.dumps(self.word_docs),
            "index_docs": json.dumps(self.index_docs), "index_word": json.dumps(self.index_word),
            "word_index": json.dumps(self.word_index),
        }

    def to_json(self, **kwargs):
        """`{"class_name": "Tokenizer", "config": get_config()}` as JSON; kwargs go to `json.dumps`."""
        return json.dumps({"class_name": type(self).__name__, "config": self.get_config()}, **kwargs)


def tokenizer_from_json(json_string):
    """The Tokenizer a `Tokenizer.to_json()` string (from kerax or tf.keras) describes."""
    config = dict(json.loads(json_string)["config"])
    stats = {key: json.loads(config.pop(key))
             for key in ("word_counts", "word_docs", "index_docs", "index_word", "word_index")}
    tokenizer = Tokenizer(**config)
    tokenizer.word_counts = collections.OrderedDict(stats["word_counts"])
    tokenizer.word_docs = collections.defaultdict(int, stats["word_docs"])
    tokenizer.index_docs = collections.defaultdict(int, {int(k): v for k, v in stats["index_docs"].items()})
    tokenizer.index_word = {int(k): v for k, v in stats["index_word"].items()}
    tokenizer.word_index = stats["word_index"]
    return tokenizer
