"""IndexLookup: the host-side base of StringLookup and IntegerLookup (and of TextVectorization's lookup).

Maps tokens to indices in a vocabulary: the mask token (if any) to 0 in "int" mode, out-of-vocabulary tokens
to the `num_oov_indices` OOV indices (hashed with FarmHash or SipHash when there are several, or `floormod`
for integers), vocabulary tokens after them; or, with `invert=True`, indices back to tokens. The vocabulary
comes from `vocabulary=`, `set_vocabulary()`, a file, or `adapt()` (by decreasing count, ties by decreasing
token). Saved models keep an adapted vocabulary as the asset `vocabulary.txt`, as Keras does.
"""
import numpy as np

from kerax import backend
from kerax.layers.preprocessing.adapt_data import adapt_batches
from kerax.layers.preprocessing.host_encoding import encode, encoded_shape
from kerax.layers.preprocessing.host_layer import HostLayer
from kerax.layers.preprocessing.lookup_options import check_lookup_options, salt_pair
from kerax.layers.preprocessing.string_hashing import hash_buckets
from kerax.layers.preprocessing.vocabulary import TokenCounts, VocabularyTable, as_tokens
from kerax.layers.preprocessing.vocabulary_files import read_vocabulary_file, write_vocabulary_file


class IndexLookup(HostLayer):
    def __init__(self, max_tokens, num_oov_indices, mask_token, oov_token, vocabulary_dtype, vocabulary=None,
                 idf_weights=None, invert=False, output_mode="int", sparse=False, pad_to_max_tokens=False,
                 oov_method="floormod", name=None, salt=None, encoding="utf-8", **kwargs):
        output_mode = {"binary": "multi_hot", "tf-idf": "tf_idf"}.get(output_mode, output_mode)
        check_lookup_options(type(self).__name__, max_tokens, num_oov_indices, pad_to_max_tokens, output_mode,
                             invert, sparse, idf_weights, oov_method, salt, vocabulary_dtype)
        self._frozen_vocab_size = kwargs.pop("vocabulary_size", None)
        self._has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        kwargs.pop("trainable", None)
        kwargs.pop("dtype", None)
        if kwargs:
            raise ValueError(f"Unrecognized keyword argument(s): {kwargs}")
        super().__init__(name=name)
        self.invert, self.max_tokens, self.num_oov_indices = invert, max_tokens, num_oov_indices
        self.mask_token, self.oov_token, self.output_mode = mask_token, oov_token, output_mode
        self.sparse, self.pad_to_max_tokens, self.oov_method = sparse, pad_to_max_tokens, oov_method
        self.vocabulary_dtype, self.encoding = vocabulary_dtype, encoding
        self.salt = salt_pair(salt)
        self.input_vocabulary = None if isinstance(vocabulary, str) else _plain(vocabulary)
        self.input_idf_weights = _plain(idf_weights)
        if output_mode == "tf_idf" and self._has_input_vocabulary and idf_weights is None:
            raise ValueError("When specifying the `vocabulary` argument, in TF-IDF output mode, the "
                             "`idf_weights` argument must also be provided.")
        self._table = VocabularyTable(np.array([], dtype=self._token_dtype()), self._token_start_index())
        self._counts = None
        if vocabulary is not None:
            self.set_vocabulary(vocabulary, idf_weights)

    # --- vocabulary ---------------------------------------------------------------------------------------
    def _token_dtype(self):
        return "U" if self.vocabulary_dtype == "string" else "int64"

    def _oov_start_index(self):
        return 1 if self.mask_token is not None and self.output_mode == "int" else 0

    def _token_start_index(self):
        return self._oov_start_index() + self.num_oov_indices

    def vocabulary_size(self):
        """The size of the vocabulary, mask and OOV indices included."""
        return len(self._table) + self._token_start_index()

    def get_vocabulary(self, include_special_tokens=True):
        tokens = self._table.tokens.tolist()
        if not include_special_tokens:
            return tokens
        return [self.mask_token] * self._oov_start_index() + [self.oov_token] * self.num_oov_indices + tokens

    def set_vocabulary(self, vocabulary, idf_weights=None):
        """Sets the vocabulary (a list, an array or the path of a file with one token per line) and, for
        "tf_idf", the inverse document frequency weights, replacing any vocabulary present."""
        if self.output_mode == "tf_idf" and idf_weights is None:
            raise ValueError("`idf_weights` must be set if output_mode is 'tf_idf'.")
        if self.output_mode != "tf_idf" and idf_weights is not None:
            raise ValueError(f"`idf_weights` should only be set if output_mode is `'tf_idf'`. Received: "
                             f"output_mode={self.output_mode} and idf_weights={idf_weights}")
        if isinstance(vocabulary, str):
            if self.output_mode == "tf_idf":
                raise ValueError("output_mode `'tf_idf'` does not support loading a vocabulary from file.")
            vocabulary = read_vocabulary_file(vocabulary, self.vocabulary_dtype)
        vocabulary = as_tokens(backend.convert_to_numpy(vocabulary) if backend.is_tensor(vocabulary)
                               else np.asarray(vocabulary), self.vocabulary_dtype, self.encoding).reshape(-1)
        if vocabulary.size == 0:
            raise ValueError(f"Cannot set an empty vocabulary. Received: vocabulary={vocabulary.tolist()}")
        tokens, has_specials = self._without_special_tokens(vocabulary)
        new_size = self._token_start_index() + len(tokens)
        if self.max_tokens is not None and new_size > self.max_tokens:
            raise ValueError(f"Attempted to set a vocabulary larger than the maximum vocab size. Received "
                             f"vocabulary size is {new_size}; `max_tokens` is {self.max_tokens}.")
        self._set_tokens(tokens)
        if self.output_mode == "tf_idf":
            weights = np.asarray(idf_weights, dtype="float64").reshape(-1)
            if len(weights) != len(vocabulary):
                raise ValueError(f"`idf_weights` must be the same length as vocabulary. len(idf_weights) is "
                                 f"{len(weights)}; len(vocabulary) is {len(vocabulary)}")
            front = 0 if has_specials else self._token_start_index()
            self._set_idf(np.concatenate([np.full(front, weights.mean()), weights]))

    def _without_special_tokens(self, vocabulary):
        start = self._token_start_index()
        specials = [self.mask_token] * self._oov_start_index() + [self.oov_token] * self.num_oov_indices
        has_specials = bool(specials) and len(vocabulary) >= start and \
            vocabulary[:start].tolist() == [str(s) if self.vocabulary_dtype == "string" else s
                                            for s in specials]
        tokens = vocabulary[start:] if has_specials else vocabulary
        unique, counts = np.unique(tokens, return_counts=True)
        if (counts > 1).any():
            raise ValueError("The passed vocabulary has at least one repeated term. Please uniquify your "
                             f"dataset. The repeated terms are: {unique[counts > 1].tolist()}")
        for token, reserved in ((self.mask_token, "mask"), (self.oov_token if self.invert else None, "OOV")):
            if token is not None and (tokens == token).any():
                raise ValueError(
                    f"Found reserved {reserved} token at unexpected location in `vocabulary`. Note that "
                    f"passed `vocabulary` does not need to include the OOV and mask tokens. Either remove "
                    f"all mask and OOV tokens, or include them only at the start of the vocabulary in "
                    f"precisely this order: {specials}. Received: {reserved.lower()}_token={token!r} at "
                    f"vocabulary index {int(np.argwhere(vocabulary == token)[-1][0])}")
        return tokens, has_specials

    def _set_tokens(self, tokens):
        self._table = VocabularyTable(tokens, self._token_start_index())
        self._record_vocabulary_size()

    def _record_vocabulary_size(self):
        if self.output_mode != "int" and not self.pad_to_max_tokens and self._frozen_vocab_size is not None \
                and self.built and self.vocabulary_size() != self._frozen_vocab_size:
            raise RuntimeError(
                f"When using `output_mode={self.output_mode}` and `pad_to_max_tokens=False`, the vocabulary "
                f"size cannot be changed after the layer is called. Old vocab size is "
                f"{self._frozen_vocab_size}, new vocab size is {self.vocabulary_size()}")
        self._frozen_vocab_size = self.vocabulary_size()

    def _set_idf(self, weights):
        if self.pad_to_max_tokens and self.max_tokens is not None:
            weights = np.pad(weights, (0, self.max_tokens - len(weights)))
        weights = weights.astype(backend.floatx())
        if getattr(self, "idf_weights", None) is not None and self.idf_weights.shape == weights.shape:
            self.idf_weights.assign(weights)
        else:
            self.idf_weights = backend.Variable(weights, trainable=False, name="idf_weights")

    # --- adapt --------------------------------------------------------------------------------------------
    def adapt(self, data, steps=None):
        """Learns the vocabulary (and TF-IDF weights) from `data`: an array or list of tokens, or a Dataset or
        other iterable of batches."""
        self.reset_state()
        for batch in adapt_batches(data, steps, self):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        if self._has_input_vocabulary:
            raise ValueError(f"Cannot adapt layer '{self.name}' after setting a static vocabulary via "
                             "`vocabulary` argument or `set_vocabulary()` method.")
        tokens = as_tokens(data, self.vocabulary_dtype, self.encoding)
        rows = tokens.reshape(1, -1) if tokens.ndim < 2 else tokens.reshape(len(tokens), -1)
        row_ids = np.repeat(np.arange(len(rows)), rows.shape[1])
        self.update_tokens(rows.reshape(-1), row_ids, len(rows))

    def update_tokens(self, flat_tokens, row_ids, num_rows):
        """Counts tokens given flat, with the document (row) each belongs to."""
        if self._counts is None:
            self._counts = TokenCounts(with_documents=self.output_mode == "tf_idf")
        self._counts.update(flat_tokens, row_ids, num_rows)

    def finalize_state(self):
        if self._has_input_vocabulary or self._counts is None or self._counts.tokens is None:
            return
        limit = None if self.max_tokens is None else self.max_tokens - self._token_start_index()
        tokens = self._counts.vocabulary((self.mask_token, self.oov_token), limit)
        self._set_tokens(tokens)
        if self.output_mode == "tf_idf":
            counts = self._counts.document_counts(tokens)
            idf = np.log(1.0 + self._counts.num_documents / (1.0 + counts))
            self._set_idf(np.concatenate([np.full(self._token_start_index(), idf.mean()), idf]))
        self._counts = None

    def reset_state(self):
        self._counts = None

    # --- call ---------------------------------------------------------------------------------------------
    def call(self, inputs):
        if self.invert:
            return self._invert(np.asarray(inputs))
        self._ensure_known_vocab_size()
        return self.encode_indices(self.lookup(as_tokens(inputs, self.vocabulary_dtype, self.encoding)))

    def lookup(self, tokens):
        """int64 indices of host tokens (mask -> 0 in "int" mode, -1 otherwise: dropped by the encodings)."""
        indices = self._table.lookup(tokens, default=-1)
        is_mask = (tokens == self.mask_token) if self.mask_token is not None else np.zeros(tokens.shape, bool)
        oov = (indices < 0) & ~is_mask
        if oov.any():
            if self.num_oov_indices == 0:
                raise ValueError("When `num_oov_indices=0` all inputs should be in vocabulary, found OOV "
                                 f"values {np.unique(tokens[oov]).tolist()}, consider setting "
                                 f"`num_oov_indices=1`.")
            indices[oov] = self._oov_start_index() + self._oov_buckets(tokens[oov])
        indices[is_mask] = 0 if self.output_mode == "int" else -1
        return indices

    def _oov_buckets(self, tokens):
        if self.num_oov_indices == 1:
            return np.zeros(tokens.shape, np.int64)
        if self.vocabulary_dtype != "string":
            if self.oov_method != "farmhash":
                return np.mod(tokens, self.num_oov_indices)
            tokens = tokens.astype(str)
        return hash_buckets(tokens, self.num_oov_indices, key=self.salt)

    def encode_indices(self, indices):
        if self.output_mode == "int":
            return indices
        depth = self._depth()
        mode = "count" if self.output_mode == "tf_idf" else self.output_mode
        out = encode(indices, mode, depth, backend.floatx())
        if self.output_mode == "tf_idf":
            out = out * self.idf_weights.numpy()
        return out

    def _invert(self, indices):
        vocabulary = np.asarray(self.get_vocabulary(),
                                dtype=object if self.vocabulary_dtype == "string" else None)
        inside = (indices >= 0) & (indices < len(vocabulary))
        out = np.where(inside, vocabulary[np.clip(indices, 0, max(len(vocabulary) - 1, 0))], self.oov_token)
        if self.vocabulary_dtype == "string":  # tokens come back as bytes, as from Keras
            return np.char.encode(out.astype(str), self.encoding).astype(object)
        return out.astype(np.int64)

    def _depth(self):
        return self.max_tokens if self.pad_to_max_tokens else self._frozen_vocab_size

    def _ensure_known_vocab_size(self):
        if self.output_mode != "int" and not self.pad_to_max_tokens and self._frozen_vocab_size is None:
            raise RuntimeError(
                f"When using `output_mode={self.output_mode}` and `pad_to_max_tokens=False`, you must set "
                f"the layer's vocabulary before calling it. Either pass a `vocabulary` argument to the "
                f"layer, or call `adapt` with some sample data.")

    # --- shapes, config and assets -----------------------------------------------------------------------
    def compute_output_shape(self, input_shape):
        return encoded_shape(input_shape, self.output_mode if self.output_mode != "tf_idf" else "count",
                             self._depth())

    def output_dtype(self):
        if self.output_mode == "int":
            return self.vocabulary_dtype if self.invert else "int64"
        return backend.floatx()

    def get_config(self):
        return {**super().get_config(), "invert": self.invert, "max_tokens": self.max_tokens,
                "num_oov_indices": self.num_oov_indices, "oov_token": self.oov_token,
                "mask_token": self.mask_token, "output_mode": self.output_mode, "sparse": self.sparse,
                "pad_to_max_tokens": self.pad_to_max_tokens, "vocabulary_dtype": self.vocabulary_dtype,
                "idf_weights": self.input_idf_weights, "vocabulary": self.input_vocabulary,
                "vocabulary_size": self._frozen_vocab_size, "oov_method": self.oov_method, "salt": self.salt}

    def save_assets(self, dir_path):
        if self.input_vocabulary is None:
            write_vocabulary_file(dir_path, self.get_vocabulary())

    def load_assets(self, dir_path):
        if self.input_vocabulary is None:
            values = read_vocabulary_file(dir_path, self.vocabulary_dtype, in_assets=True)
            # The weights, loaded next, hold the real TF-IDF weights; these only give them their shape.
            weights = np.ones(len(values)) if self.output_mode == "tf_idf" else None
            self.set_vocabulary(values, idf_weights=weights)


def _plain(value):
    """A vocabulary or weights given as an array, as a list (so the config stays JSON)."""
    if value is None or isinstance(value, (list, str)):
        return value
    if backend.is_tensor(value):
        value = backend.convert_to_numpy(value)
    array = np.asarray(value)
    if array.dtype.kind == "S":
        array = np.char.decode(array, "utf-8")
    return array.tolist()
