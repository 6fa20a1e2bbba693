"""Writes the files in this folder with real Keras 3 (not kerax): run it with a Python that has Keras and JAX.

    KERAS_BACKEND=jax /path/to/keras-venv/bin/python tests/saving/keras_files/make_fixtures.py

Each model is saved as `.keras`, legacy `.h5` and `.weights.h5`; `expected.npz` holds the inputs and the outputs
Keras computed for them, which kerax must reproduce after loading.
"""
import os

import keras
import numpy as np
from keras import layers

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(0)
keras.utils.set_random_seed(0)


def dense_model():
    model = keras.Sequential([keras.Input((4,)), layers.Dense(3, activation="relu"),
                              layers.Dense(2, activation="softmax")], name="dense_model")
    return model, rng.random((5, 4)).astype("float32"), rng.random((5, 2)).astype("float32")


def conv_gru_model():
    image = keras.Input((8, 8, 1), name="image")
    x = layers.Conv2D(4, 3, padding="same", activation="relu")(image)
    x = layers.BatchNormalization()(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    tokens = keras.Input((6,), dtype="int32", name="tokens")
    y = layers.Embedding(20, 5, mask_zero=True)(tokens)
    y = layers.GRU(3)(y)
    z = layers.LSTM(2)(layers.Embedding(20, 4)(tokens))
    out = layers.Dense(2, activation="softmax", name="out")(layers.Concatenate()([x, y, z]))
    model = keras.Model([image, tokens], out, name="conv_gru_model")
    ids = rng.integers(0, 20, (5, 6))
    ids[:, 4:] = 0
    return model, [rng.random((5, 8, 8, 1)).astype("float32"), ids], rng.random((5, 2)).astype("float32")


expected = {}
for make in (dense_model, conv_gru_model):
    model, x, y = make()
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"])
    model.fit(x, y, epochs=2, batch_size=5, verbose=0)  # optimizer state to save
    base = os.path.join(HERE, model.name)
    model.save(base + ".keras")
    model.save(base + ".h5")
    model.save_weights(base + ".weights.h5")
    inputs = x if isinstance(x, list) else [x]
    for i, array in enumerate(inputs):
        expected[f"{model.name}/x{i}"] = array
    expected[f"{model.name}/y"] = y
    expected[f"{model.name}/predicted"] = np.asarray(model.predict(x, verbose=0))
    expected[f"{model.name}/optimizer_iterations"] = int(model.optimizer.iterations.numpy())
np.savez(os.path.join(HERE, "expected.npz"), **expected)
print("keras", keras.__version__, "wrote", sorted(os.listdir(HERE)))
