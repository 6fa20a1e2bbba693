"""TextVectorization: Keras's documented examples, each text step against plain Python, and string models that
train, evaluate, predict, save and load with the string work done on the host."""
import numpy as np
import pytest

import kerax
from kerax import layers

TEXTS = np.array(["The cat sat.", "A dog ran!", "the dog sat", "a cat ran", "Cats and dogs", "the end"])
LABELS = np.array([1, 0, 1, 0, 1, 0], dtype="float32")


def test_documented_examples():
    layer = layers.TextVectorization(max_tokens=5000, output_mode="int", output_sequence_length=4)
    layer.adapt(["foo bar", "bar baz", "baz bada boom"])
    np.testing.assert_array_equal(layer([["foo qux bar"], ["qux baz"]]), [[4, 1, 3, 0], [1, 2, 0, 0]])
    given = layers.TextVectorization(output_sequence_length=4, vocabulary=["earth", "wind", "and", "fire"])
    assert given.get_vocabulary() == ["", "[UNK]", "earth", "wind", "and", "fire"]


def test_text_steps_against_python(rng):
    layer = layers.TextVectorization(ngrams=2, output_mode="count")
    layer.adapt(TEXTS)
    vocabulary = layer.get_vocabulary()
    tokens = [t.lower().replace(".", "").replace("!", "").split() for t in TEXTS]
    grams = [w + [f"{a} {b}" for a, b in zip(w, w[1:])] for w in tokens]
    counts = {}
    for doc in grams:
        for g in doc:
            counts[g] = counts.get(g, 0) + 1
    expected = sorted(counts, key=lambda g: (counts[g], g), reverse=True)
    assert vocabulary == ["[UNK]"] + expected
    out = layer(["the cat sat the", "zebra"])
    assert out[0, vocabulary.index("the")] == 2 and out[0, vocabulary.index("cat sat")] == 1
    assert out[1].tolist() == [1.0] + [0.0] * (len(vocabulary) - 1)
    chars = layers.TextVectorization(split="character", standardize=None, output_mode="int")
    chars.set_vocabulary(list("abc"))
    np.testing.assert_array_equal(chars(["abz", "c"]), [[2, 3, 1], [4, 0, 0]])


def test_callable_standardize_and_split_and_tf_idf():
    def shout(texts):
        return np.char.upper(texts)

    def on_commas(texts):
        return [t.split(",") for t in texts]

    layer = layers.TextVectorization(standardize=shout, split=on_commas, output_mode="tf_idf")
    layer.adapt(["a,b", "a,c"])
    assert layer.get_vocabulary() == ["[UNK]", "A", "C", "B"]
    out = layer(["a,a,b"])
    np.testing.assert_allclose(out, [[0, 2 * np.log(1 + 2 / 3), 0, np.log(2)]], rtol=1e-5)
    with pytest.raises(ValueError, match="last shape dimension must be 1"):
        layer(np.array([["a", "b"]]))


def _string_model(vectorizer):
    inputs = kerax.Input(shape=(1,), dtype="string")
    x = layers.Embedding(vectorizer.vocabulary_size(), 4)(vectorizer(inputs))
    outputs = layers.Dense(1, activation="sigmoid")(layers.GlobalAveragePooling1D()(x))
    model = kerax.Model(inputs, outputs)
    model.compile("adam", "binary_crossentropy", metrics=["accuracy"])
    return model


def test_string_model_fits_evaluates_predicts_saves_and_loads(tmp_path):
    vectorizer = layers.TextVectorization(max_tokens=20, output_sequence_length=5)
    vectorizer.adapt(TEXTS)
    model = _string_model(vectorizer)
    history = model.fit(TEXTS, LABELS, batch_size=4, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2
    loss, accuracy = model.evaluate(TEXTS, LABELS, verbose=0)
    assert np.isfinite(loss) and 0 <= accuracy <= 1
    predicted = model.predict(TEXTS, verbose=0)
    np.testing.assert_allclose(np.asarray(model(TEXTS[:, None])), predicted, rtol=1e-5)
    dataset = kerax.data.Dataset.from_tensor_slices((TEXTS, LABELS)).batch(4)
    model.fit(dataset, epochs=1, verbose=0)
    predicted = model.predict(list(TEXTS), verbose=0)
    for name in ("model.keras", "model_dir"):
        model.save(str(tmp_path / name))
        loaded = kerax.saving.load_model(str(tmp_path / name))
        assert loaded.layers[1].get_vocabulary() == vectorizer.get_vocabulary()
        np.testing.assert_allclose(loaded.predict(TEXTS, verbose=0), predicted, rtol=1e-5)
    loaded.fit(TEXTS, LABELS, epochs=1, verbose=0)


def test_host_layers_in_dataset_map_and_errors():
    lookup = layers.StringLookup(vocabulary=["cat", "dog"])
    dataset = kerax.data.Dataset.from_tensor_slices(np.array(["dog", "cat", "eel"])).batch(3).map(lookup)
    np.testing.assert_array_equal(next(iter(dataset)), [2, 1, 0])
    inputs = kerax.Input(shape=(1,), dtype="string")
    with pytest.raises(ValueError, match="Strings must go through a host layer"):
        kerax.Model(inputs, layers.Dense(1)(inputs))
