"""tf.keras's text preprocessing (`keras.preprocessing.text`): splitting text into words, hashing words to
ids, and the `Tokenizer`."""
import hashlib

from kerax.preprocessing.text_defaults import DEFAULT_FILTERS, text_to_word_sequence
from kerax.preprocessing.tokenizer import Tokenizer, tokenizer_from_json


def _md5(word):
    return int(hashlib.md5(word.encode()).hexdigest(), 16)


def hashing_trick(text, n, hash_function=None, filters=DEFAULT_FILTERS, lower=True, split=" ", analyzer=None):
    """The words of `text` as ids in `[1, n)`: `hash_function(word) % (n - 1) + 1`. `hash_function` is
    Python's `hash` when None (which changes between runs unless PYTHONHASHSEED is set), "md5" (stable), or a
    function of a string returning an int. `analyzer`, when given, splits the text instead of
    `text_to_word_sequence`."""
    if hash_function is None:
        hash_function = hash
    elif hash_function == "md5":
        hash_function = _md5
    words = analyzer(text) if analyzer is not None else text_to_word_sequence(text, filters, lower, split)
    return [hash_function(w) % (n - 1) + 1 for w in words]


def one_hot(input_text, n, filters=DEFAULT_FILTERS, lower=True, split=" ", analyzer=None):
    """`hashing_trick` with Python's `hash`: a list of word ids in `[1, n)` (not one-hot vectors, despite the
    name; different words may share an id)."""
    return hashing_trick(input_text, n, hash_function=hash, filters=filters, lower=lower, split=split,
                         analyzer=analyzer)


__all__ = ["Tokenizer", "hashing_trick", "one_hot", "text_to_word_sequence", "tokenizer_from_json"]
