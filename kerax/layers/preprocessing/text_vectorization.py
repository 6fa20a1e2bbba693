"""TextVectorization: strings to token indices (or multi-hot / count / TF-IDF vectors), on the host.

Each string is standardized, split into tokens, optionally turned into n-grams, then looked up in a vocabulary
(a StringLookup with "" as its mask token, so index 0 pads and index 1 is OOV). `standardize` and `split` may
be callables: they receive a 1-D NumPy array of unicode strings; `standardize` returns an array of strings,
`split` one list of tokens per string.
"""
import numpy as np

from kerax import backend
from kerax.layers.preprocessing import text_processing
from kerax.layers.preprocessing.adapt_data import adapt_batches
from kerax.layers.preprocessing.host_encoding import bag_counts
from kerax.layers.preprocessing.host_layer import HostLayer
from kerax.layers.preprocessing.lookup_options import OUTPUT_MODES, check_choice, check_sparse
from kerax.layers.preprocessing.string_lookup import StringLookup
from kerax.layers.preprocessing.vocabulary import as_tokens
from kerax.layers.preprocessing.text_vectorization_options import check_options
from kerax.serialization import registry


class TextVectorization(HostLayer):
    def __init__(self, max_tokens=None, standardize="lower_and_strip_punctuation", split="whitespace",
                 ngrams=None, output_mode="int", output_sequence_length=None, pad_to_max_tokens=False,
                 vocabulary=None, idf_weights=None, sparse=False, ragged=False, encoding="utf-8", name=None,
                 **kwargs):
        check_sparse(sparse)
        if ragged:
            raise ValueError("`ragged=True` can only be used with the TensorFlow backend.")
        output_mode = {"binary": "multi_hot", "tf-idf": "tf_idf"}.get(output_mode, output_mode)
        check_choice(type(self).__name__, "output_mode", output_mode, OUTPUT_MODES)
        check_options(standardize, split, ngrams, output_mode, output_sequence_length)
        has_input_vocabulary = kwargs.pop("has_input_vocabulary", vocabulary is not None)
        vocabulary_size = kwargs.pop("vocabulary_size", None)
        super().__init__(name=name, **kwargs)
        self._standardize, self._split, self._ngrams_arg = standardize, split, ngrams
        self._ngrams = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
        self._ragged, self._output_mode, self._encoding = ragged, output_mode, encoding
        self._output_sequence_length = output_sequence_length
        self._lookup_layer = StringLookup(
            max_tokens=max_tokens, vocabulary=vocabulary, idf_weights=idf_weights,
            pad_to_max_tokens=pad_to_max_tokens, mask_token="", output_mode=output_mode,
            has_input_vocabulary=has_input_vocabulary, encoding=encoding, vocabulary_size=vocabulary_size)

    # --- vocabulary (kept by the inner StringLookup) -------------------------------------------------------
    def get_vocabulary(self, include_special_tokens=True):
        return self._lookup_layer.get_vocabulary(include_special_tokens)

    def vocabulary_size(self):
        return self._lookup_layer.vocabulary_size()

    def set_vocabulary(self, vocabulary, idf_weights=None):
        self._lookup_layer.set_vocabulary(vocabulary, idf_weights=idf_weights)

    def adapt(self, data, batch_size=None, steps=None):
        """Learns the vocabulary from `data`: strings as an array or list, or a Dataset or other batches."""
        self.reset_state()
        for batch in adapt_batches(data, steps, self):
            self.update_state(batch)
        self.finalize_state()

    def update_state(self, data):
        tokens, lengths = self._tokens(data)
        if self._lookup_layer._has_input_vocabulary:
            raise ValueError(f"Cannot adapt layer '{self.name}' after setting a static vocabulary via "
                             "`vocabulary` argument or `set_vocabulary()` method.")
        self._lookup_layer.update_tokens(tokens, np.repeat(np.arange(len(lengths)), lengths), len(lengths))

    def finalize_state(self):
        self._lookup_layer.finalize_state()

    def reset_state(self):
        self._lookup_layer.reset_state()

    # --- call ---------------------------------------------------------------------------------------------
    def _tokens(self, inputs):
        """Ragged (flat tokens, tokens per row) of a batch of strings; without `split`, one per string."""
        texts = as_tokens(inputs, "string", self._encoding)
        if self._split is not None:
            if texts.ndim > 1:
                if texts.shape[-1] != 1:
                    raise ValueError(
                        "When using `TextVectorization` to tokenize strings, the input rank must be 1 or the "
                        f"last shape dimension must be 1. Received: inputs.shape={texts.shape} with "
                        f"rank={texts.ndim}")
                texts = texts[..., 0]
            texts = texts.reshape(-1)
        else:
            texts = texts.reshape(len(texts), -1) if texts.ndim else texts.reshape(1, 1)
        texts = text_processing.standardize(texts, self._standardize)
        if self._split is None:
            flat, lengths = texts.reshape(-1), np.full(len(texts), texts.shape[-1], np.int64)
        else:
            flat, lengths = text_processing.split(texts, self._split)
        if self._ngrams is not None:
            flat, lengths = text_processing.ngrams(flat, lengths, self._ngrams)
        return flat, lengths

    def call(self, inputs):
        lookup = self._lookup_layer
        if self._output_mode == "one_hot" and self._split is not None:
            raise ValueError("TextVectorization: `output_mode='one_hot'` encodes one token per string; with "
                             "`split`, each string has a ragged number of tokens. Use 'multi_hot' or "
                             "'count'.")
        lookup._ensure_known_vocab_size()
        flat, lengths = self._tokens(inputs)
        indices = lookup.lookup(flat)
        if self._output_mode == "int":
            return text_processing.to_dense(indices, lengths, self._output_sequence_length)
        if self._output_mode == "one_hot":
            return lookup.encode_indices(indices.reshape(-1, 1))
        rows = np.repeat(np.arange(len(lengths)), lengths)
        out = bag_counts(rows, indices, len(lengths), lookup._depth())
        if self._output_mode == "multi_hot":
            out = np.minimum(out, 1.0)
        elif self._output_mode == "tf_idf":
            out = out * lookup.idf_weights.numpy()
        return out.astype(backend.floatx())

    def compute_output_shape(self, input_shape):
        if self._output_mode == "int":
            if self._split is None:
                return tuple(input_shape[:-1]) + (self._output_sequence_length,
                                                  ) if self._output_sequence_length \
                    else tuple(input_shape)
            return (input_shape[0], self._output_sequence_length)
        return (input_shape[0], self._lookup_layer._depth())

    def output_dtype(self):
        return "int64" if self._output_mode == "int" else backend.floatx()

    # --- config and assets --------------------------------------------------------------------------------
    def get_config(self):
        lookup = self._lookup_layer
        return {**super().get_config(), "max_tokens": lookup.max_tokens,
                "standardize": _serialized(self._standardize), "split": _serialized(self._split),
                "ngrams": self._ngrams_arg, "output_mode": self._output_mode,
                "output_sequence_length": self._output_sequence_length,
                "pad_to_max_tokens": lookup.pad_to_max_tokens, "sparse": lookup.sparse,
                "ragged": self._ragged,
                "vocabulary": lookup.input_vocabulary, "idf_weights": lookup.input_idf_weights,
                "encoding": self._encoding, "vocabulary_size": self.vocabulary_size()}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("standardize", "split"):
            if isinstance(config.get(key), dict):
                config[key] = registry.deserialize_keras_object(config[key])
        if isinstance(config.get("ngrams"), list):
            config["ngrams"] = tuple(config["ngrams"])
        return cls(**config)

    def save_assets(self, dir_path):
        self._lookup_layer.save_assets(dir_path)

    def load_assets(self, dir_path):
        self._lookup_layer.load_assets(dir_path)


def _serialized(value):
    return registry.serialize_keras_object(value) if callable(value) else value
