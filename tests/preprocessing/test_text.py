"""tf.keras's text preprocessing, checked against vocabularies and matrices worked out by hand."""
import hashlib
import json
import math

import numpy as np
import pytest

from kerax.preprocessing import text

TEXTS = ["The cat sat on the mat.", "The dog ate my homework!", "My cat ate the dog's food"]
# counts: the 4, cat 2, ate 2, my 2, then the words seen once, in order of first appearance
WORD_INDEX = {"the": 1, "cat": 2, "ate": 3, "my": 4, "sat": 5, "on": 6, "mat": 7, "dog": 8, "homework": 9,
              "dog's": 10, "food": 11}


@pytest.fixture
def tokenizer():
    t = text.Tokenizer()
    t.fit_on_texts(TEXTS)
    return t


def test_text_to_word_sequence_documented_example():
    words = text.text_to_word_sequence("This is a sample sentence.")
    assert words == ["this", "is", "a", "sample", "sentence"]
    assert text.text_to_word_sequence("A,b;C", filters=",", lower=False, split=";") == ["A", "b", "C"]


def test_vocabulary_ranked_by_count_ties_by_first_appearance(tokenizer):
    assert tokenizer.word_index == WORD_INDEX
    assert tokenizer.index_word == {i: w for w, i in WORD_INDEX.items()}
    assert tokenizer.word_counts["the"] == 4 and list(tokenizer.word_counts)[:3] == ["the", "cat", "sat"]
    assert (tokenizer.word_docs["the"], tokenizer.word_docs["cat"], tokenizer.word_docs["mat"]) == (3, 2, 1)
    assert tokenizer.document_count == 3 and tokenizer.index_docs[1] == 3


def test_texts_to_sequences_and_back(tokenizer):
    assert tokenizer.texts_to_sequences(["the cat ate a fish", "MY food"]) == [[1, 2, 3], [4, 11]]
    assert tokenizer.sequences_to_texts([[1, 2, 3], [11, 99]]) == ["the cat ate", "food"]
    tokenizer.num_words = 4  # only ids 1-3
    assert tokenizer.texts_to_sequences(["my cat ate the food"]) == [[2, 3, 1]]
    assert tokenizer.sequences_to_texts([[4, 2]]) == ["cat"]


def test_oov_token_takes_id_1_and_replaces_unknown_and_rare_words():
    t = text.Tokenizer(num_words=5, oov_token="<OOV>")
    t.fit_on_texts(TEXTS)
    assert t.word_index["<OOV>"] == 1 and t.word_index["the"] == 2 and t.word_index["my"] == 5
    assert t.texts_to_sequences(["my cat flies"]) == [[1, 3, 1]]
    assert t.sequences_to_texts([[5, 3, 99]]) == ["<OOV> cat <OOV>"]


def test_char_level_and_token_lists():
    chars = text.Tokenizer(char_level=True)
    chars.fit_on_texts(["abcA"])
    assert chars.word_index == {"a": 1, "b": 2, "c": 3}
    tokens = text.Tokenizer()
    tokens.fit_on_texts([["Hello", "World"], ["hello"]])
    assert tokens.word_index == {"hello": 1, "world": 2}
    assert tokens.texts_to_sequences([["WORLD", "hello"]]) == [[2, 1]]


def test_texts_to_matrix_modes(tokenizer):
    rows = ["the the cat", "ate"]
    count = tokenizer.texts_to_matrix(rows, mode="count")
    assert count.shape == (2, 12) and count.dtype == np.float64
    expected = np.zeros((2, 12))
    expected[0, 1], expected[0, 2], expected[1, 3] = 2, 1, 1
    np.testing.assert_array_equal(count, expected)
    np.testing.assert_array_equal(tokenizer.texts_to_matrix(rows, mode="binary"), expected > 0)
    freq = tokenizer.texts_to_matrix(rows, mode="freq")
    np.testing.assert_allclose(freq[0, [1, 2]], [2 / 3, 1 / 3])
    tfidf = tokenizer.texts_to_matrix(rows, mode="tfidf")
    # 3 documents; "the" is in 3, "cat" and "ate" in 2
    np.testing.assert_allclose(tfidf[0, 1], (1 + math.log(2)) * math.log(1 + 3 / 4))
    np.testing.assert_allclose(tfidf[0, 2], math.log(1 + 3 / 3))
    np.testing.assert_allclose(tfidf[1, 3], math.log(2))
    assert np.count_nonzero(tfidf) == 3
    with pytest.raises(ValueError, match="Unknown vectorization mode"):
        tokenizer.texts_to_matrix(rows, mode="onehot")


def test_fit_on_sequences_and_matrix_errors():
    t = text.Tokenizer(num_words=4)
    t.fit_on_sequences([[1, 2], [2, 3, 3]])
    assert t.document_count == 2 and dict(t.index_docs) == {1: 1, 2: 2, 3: 1}
    m = t.sequences_to_matrix([[1, 3, 3, 7]], mode="tfidf")  # 7 is beyond num_words: ignored
    np.testing.assert_allclose(m[0], [0, math.log(2), 0, (1 + math.log(2)) * math.log(2)])
    with pytest.raises(ValueError, match="Specify a dimension"):
        text.Tokenizer().sequences_to_matrix([[1]])
    with pytest.raises(ValueError, match="Fit the Tokenizer on some data before using tfidf"):
        text.Tokenizer(num_words=3).sequences_to_matrix([[1]], mode="tfidf")
    with pytest.raises(TypeError, match="Unrecognized keyword arguments"):
        text.Tokenizer(num_word=3)


def test_json_round_trip_and_a_tf_keras_json(tokenizer):
    config = tokenizer.get_config()
    assert json.loads(config["word_index"]) == WORD_INDEX and config["document_count"] == 3
    restored = text.tokenizer_from_json(tokenizer.to_json())
    assert restored.word_index == WORD_INDEX and restored.index_word[2] == "cat"
    assert restored.texts_to_sequences(TEXTS) == tokenizer.texts_to_sequences(TEXTS)
    np.testing.assert_array_equal(restored.texts_to_matrix(TEXTS, "tfidf"),
                                  tokenizer.texts_to_matrix(TEXTS, "tfidf"))
    restored.fit_on_texts(["zebra"])  # the restored counts can still grow
    assert restored.word_index["zebra"] == 12 and restored.document_count == 4
    written_by_tf_keras = json.dumps({"class_name": "Tokenizer", "config": {
        "num_words": None, "filters": "!", "lower": True, "split": " ", "char_level": False,
        "oov_token": None, "document_count": 1, "word_counts": '{"hi": 1}', "word_docs": '{"hi": 1}',
        "index_docs": '{"1": 1}', "index_word": '{"1": "hi"}', "word_index": '{"hi": 1}'}})
    assert text.tokenizer_from_json(written_by_tf_keras).texts_to_sequences(["Hi there!"]) == [[1]]


def test_hashing_trick_and_one_hot():
    words = ["the", "cat", "sat"]
    md5 = [int(hashlib.md5(w.encode()).hexdigest(), 16) % 9 + 1 for w in words]
    assert text.hashing_trick("The cat, sat.", 10, hash_function="md5") == md5
    assert text.hashing_trick("a-bb", 10, hash_function=len, analyzer=lambda s: s.split("-")) == [2, 3]
    assert text.one_hot("The cat sat", 7) == [hash(w) % 6 + 1 for w in words]
    assert all(1 <= i < 7 for i in text.one_hot("many different words here", 7))
