"""StringLookup, IntegerLookup, Hashing, HashedCrossing, CategoryEncoding and Discretization against the
values of Keras's documentation and against NumPy formulas."""
import numpy as np
import pytest

import kerax
from kerax import layers

VOCAB = ["a", "b", "c", "d"]
DATA = [["a", "c", "d"], ["d", "z", "b"]]


def test_string_lookup_documented_examples():
    np.testing.assert_array_equal(layers.StringLookup(vocabulary=VOCAB)(DATA), [[1, 3, 4], [4, 0, 2]])
    adapted = layers.StringLookup()
    adapted.adapt(DATA)
    assert adapted.get_vocabulary() == ["[UNK]", "d", "z", "c", "b", "a"]
    np.testing.assert_array_equal(adapted(DATA), [[5, 3, 1], [1, 2, 4]])
    two_oov = layers.StringLookup(vocabulary=VOCAB, num_oov_indices=2)
    np.testing.assert_array_equal(two_oov([["a", "c", "d"], ["m", "z", "b"]]), [[2, 4, 5], [0, 1, 3]])
    inverse = layers.StringLookup(vocabulary=VOCAB, invert=True)
    assert inverse([[1, 3, 4], [4, 0, 2]]).tolist() == [[b"a", b"c", b"d"], [b"d", b"[UNK]", b"b"]]


def test_string_lookup_output_modes():
    data = [["a", "c", "d", "d"], ["d", "z", "b", "z"]]
    one_hot = layers.StringLookup(vocabulary=VOCAB, output_mode="one_hot")(["a", "b", "c", "d", "z"])
    np.testing.assert_array_equal(one_hot, np.eye(5)[[1, 2, 3, 4, 0]])
    np.testing.assert_array_equal(layers.StringLookup(vocabulary=VOCAB, output_mode="multi_hot")(data),
                                  [[0, 1, 0, 1, 1], [1, 0, 1, 0, 1]])
    np.testing.assert_array_equal(layers.StringLookup(vocabulary=VOCAB, output_mode="count")(data),
                                  [[0, 1, 0, 1, 2], [2, 0, 1, 0, 1]])
    tf_idf = layers.StringLookup(output_mode="tf_idf")
    tf_idf.set_vocabulary(VOCAB, idf_weights=[0.25, 0.75, 0.6, 0.4])
    np.testing.assert_allclose(tf_idf(data), [[0, 0.25, 0, 0.6, 0.8], [1.0, 0, 0.75, 0, 0.4]], rtol=1e-6)
    padded = layers.StringLookup(vocabulary=VOCAB, output_mode="multi_hot", max_tokens=8,
                                 pad_to_max_tokens=True)
    assert padded(data).shape == (2, 8)
    masked = layers.StringLookup(vocabulary=VOCAB, mask_token="")
    np.testing.assert_array_equal(masked([["a", ""], ["", "q"]]), [[2, 0], [0, 1]])
    assert masked.get_vocabulary() == ["", "[UNK]", "a", "b", "c", "d"]


def test_adapt_tf_idf_from_dataset_matches_formula():
    docs = np.array([["a", "b"], ["a", "c"], ["a", "a"]])
    layer = layers.StringLookup(output_mode="tf_idf")
    layer.adapt(kerax.data.Dataset.from_tensor_slices(docs).batch(2))
    assert layer.get_vocabulary() == ["[UNK]", "a", "c", "b"]
    idf = np.log(1 + 3 / (1 + np.array([3.0, 1.0, 1.0])))
    weights = np.concatenate([[idf.mean()], idf])
    np.testing.assert_allclose(layer([["a", "a", "b"]]), [[0, 2 * idf[0], 0, idf[2]]], rtol=1e-5)
    np.testing.assert_allclose(layer.idf_weights.numpy(), weights, rtol=1e-5)


def test_lookup_errors_and_vocabulary_files(tmp_path):
    with pytest.raises(ValueError, match="repeated term"):
        layers.StringLookup(vocabulary=["a", "a"])
    with pytest.raises(ValueError, match="all inputs should be in vocabulary, found OOV values \\['z'\\]"):
        layers.StringLookup(vocabulary=VOCAB, num_oov_indices=0)(DATA)
    with pytest.raises(ValueError, match="`output_mode` must be `'int'` when `invert` is true"):
        layers.StringLookup(invert=True, output_mode="count")
    with pytest.raises(RuntimeError, match="you must set the layer's vocabulary"):
        layers.StringLookup(output_mode="multi_hot")(DATA)
    path = tmp_path / "vocab.txt"
    path.write_text("a\nb\nc\nd\n", encoding="utf-8")
    from_file = layers.StringLookup(vocabulary=str(path))
    np.testing.assert_array_equal(from_file(DATA), [[1, 3, 4], [4, 0, 2]])
    assert from_file.get_config()["vocabulary"] is None  # kept as an asset instead


def test_integer_lookup_documented_examples():
    vocab = [12, 36, 1138, 42]
    data = np.array([[12, 1138, 42], [42, 1000, 36]])
    np.testing.assert_array_equal(layers.IntegerLookup(vocabulary=vocab)(data), [[1, 3, 4], [4, 0, 2]])
    adapted = layers.IntegerLookup()
    adapted.adapt(data)
    assert adapted.get_vocabulary() == [-1, 42, 1138, 1000, 36, 12]
    np.testing.assert_array_equal(adapted(data), [[5, 2, 1], [1, 3, 4]])
    two_oov = layers.IntegerLookup(vocabulary=vocab, num_oov_indices=2)
    np.testing.assert_array_equal(two_oov(np.array([[12, 1138, 42], [37, 1000, 36]])), [[2, 4, 5], [1, 0, 3]])
    oov = np.array([100, 300, 700, 1100, 1700, 2000])
    floormod = layers.IntegerLookup(vocabulary=[10, 20, 30], num_oov_indices=4)
    farmhash = layers.IntegerLookup(vocabulary=[10, 20, 30], num_oov_indices=4, oov_method="farmhash")
    assert floormod(oov).tolist() == [0] * 6 and farmhash(oov).tolist() == [3, 3, 2, 2, 0, 1]
    inverse = layers.IntegerLookup(vocabulary=vocab, invert=True)
    np.testing.assert_array_equal(inverse([[1, 3, 4], [4, 0, 2]]), [[12, 1138, 42], [42, -1, 36]])


def test_hashing_and_hashed_crossing_documented_examples():
    letters = [["A"], ["B"], ["C"], ["D"], ["E"]]
    np.testing.assert_array_equal(layers.Hashing(num_bins=3)(letters)[:, 0], [1, 0, 1, 1, 2])
    masked = layers.Hashing(num_bins=3, mask_value="")([["A"], ["B"], [""], ["C"], ["D"]])
    np.testing.assert_array_equal(masked[:, 0], [1, 1, 0, 2, 2])
    np.testing.assert_array_equal(layers.Hashing(num_bins=3, salt=133)(letters)[:, 0], [0, 0, 2, 1, 0])
    counts = layers.Hashing(num_bins=3, output_mode="count")([["A", "C", "E"]])
    np.testing.assert_array_equal(counts, [[0, 2, 1]])
    feat1, feat2 = np.array(["A", "B", "A", "B", "A"]), np.array([101, 101, 101, 102, 102])
    np.testing.assert_array_equal(layers.HashedCrossing(num_bins=5)((feat1, feat2)), [1, 4, 1, 1, 3])
    one_hot = layers.HashedCrossing(num_bins=5, output_mode="one_hot")((feat1, feat2))
    np.testing.assert_array_equal(one_hot, np.eye(5)[[1, 4, 1, 1, 3]])


def test_category_encoding_and_discretization_documented_examples():
    np.testing.assert_array_equal(layers.CategoryEncoding(num_tokens=4, output_mode="one_hot")([3, 2, 0, 1]),
                                  np.eye(4)[[3, 2, 0, 1]])
    multi = layers.CategoryEncoding(num_tokens=4, output_mode="multi_hot")([[0, 1], [0, 0], [1, 2], [3, 1]])
    np.testing.assert_array_equal(multi, [[1, 1, 0, 0], [1, 0, 0, 0], [0, 1, 1, 0], [0, 1, 0, 1]])
    weights = np.array([[.1, .2], [.1, .1], [.2, .3], [.4, .2]])
    counted = layers.CategoryEncoding(num_tokens=4, output_mode="count")([[0, 1], [0, 0], [1, 2], [3, 1]],
                                                                          count_weights=weights)
    np.testing.assert_allclose(counted, [[.1, .2, 0, 0], [.2, 0, 0, 0], [0, .2, .3, 0], [0, .2, 0, .4]],
                               rtol=1e-6)
    x = np.array([[-1.5, 1.0, 3.4, .5], [0.0, 3.0, 1.3, 0.0]])
    np.testing.assert_array_equal(layers.Discretization(bin_boundaries=[0., 1., 2.])(x), np.digitize(x, [0, 1,
                                                                                                         2]))
    adapted = layers.Discretization(num_bins=4, epsilon=0.01)
    adapted.adapt(x)
    np.testing.assert_array_equal(adapted(x), [[0, 2, 3, 2], [1, 3, 3, 1]])


def test_integer_lookup_and_encodings_inside_a_model(rng):
    ids = rng.choice([3, 7, 11, 19], size=(16, 2))
    lookup = layers.IntegerLookup(vocabulary=[3, 7, 11, 19])
    inputs = kerax.Input(shape=(2,), dtype="int64")
    x = layers.CategoryEncoding(num_tokens=5, output_mode="count")(lookup(inputs))
    outputs = layers.Dense(1)(layers.Discretization(bin_boundaries=[0.5, 1.5])(x))
    model = kerax.Model(inputs, outputs)
    model.compile("sgd", "mse")
    history = model.fit(ids, rng.normal(size=(16, 1)), batch_size=8, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    with pytest.raises(ValueError, match="computes on the host"):
        numeric = kerax.Input(shape=(2,))
        kerax.Model(numeric, layers.IntegerLookup(vocabulary=[1])(layers.Dense(2)(numeric)))
