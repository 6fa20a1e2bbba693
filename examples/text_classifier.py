"""A string-input text classifier, end to end on kerax with no TensorFlow: raw Python strings go in,
TextVectorization turns them into token ids on the host, Embedding -> GlobalAveragePooling1D -> Dense learn
on the device. The model trains from a Python list of strings, is saved to .keras, reloaded, and predicts
the same on raw strings.

    python examples/text_classifier.py [path/to/model.keras]
"""
import os
import sys
import tempfile

import numpy as np

import kerax as keras
from kerax import layers

POSITIVE = ["great", "lovely", "superb", "enjoyable", "wonderful", "brilliant"]
NEGATIVE = ["awful", "boring", "dreadful", "terrible", "dull", "painful"]
FILLER = ["the", "film", "was", "really", "quite", "plot", "and", "acting", "a", "story", "very", "ending"]


def reviews(n, seed=0):
    """(texts, labels): short reviews whose label is whether they hold more positive than negative words."""
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for _ in range(n):
        label = int(rng.integers(2))
        strong, weak = (POSITIVE, NEGATIVE) if label else (NEGATIVE, POSITIVE)
        words = list(rng.choice(FILLER, size=rng.integers(3, 8))) + list(rng.choice(strong, size=2))
        words += list(rng.choice(weak, size=rng.integers(0, 2)))
        rng.shuffle(words)
        texts.append(" ".join(words).capitalize() + rng.choice([".", "!", ""]))
        labels.append(label)
    return texts, np.array(labels, "float32")


def build(train_texts):
    vectorize = layers.TextVectorization(max_tokens=100, output_sequence_length=12)
    vectorize.adapt(train_texts)
    inputs = keras.Input(shape=(1,), dtype="string")
    x = vectorize(inputs)
    x = layers.Embedding(100, 8)(x)
    x = layers.GlobalAveragePooling1D()(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer=keras.optimizers.Adam(0.05), loss="binary_crossentropy", metrics=["accuracy"])
    return model


def main(path, epochs=8, verbose=2):
    keras.utils.set_random_seed(0)
    train_texts, train_labels = reviews(600)
    test_texts, test_labels = reviews(100, seed=1)
    model = build(train_texts)
    model.fit(train_texts, train_labels, batch_size=32, epochs=epochs, verbose=verbose)
    _, accuracy = model.evaluate(test_texts, test_labels, verbose=0)
    model.save(path)
    reloaded = keras.saving.load_model(path)
    samples = ["A wonderful film, brilliant acting!", "Dull plot and a terrible ending."]
    before, after = model.predict(samples, verbose=0), reloaded.predict(samples, verbose=0)
    np.testing.assert_allclose(after, before, rtol=1e-6)
    print(f"test accuracy: {accuracy:.3f}")
    for text, p in zip(samples, after[:, 0]):
        print(f"{p:.3f}  {text}")
    return accuracy, before, after


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(tempfile.mkdtemp(), "text_classifier.keras")
    main(target)
