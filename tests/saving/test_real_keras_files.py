"""Files written by real Keras 3.15 (tests/saving/keras_files/make_fixtures.py) load in kerax and give the
outputs Keras computed for them."""
import os

import numpy as np
import pytest

import kerax
from kerax import layers

FILES = os.path.join(os.path.dirname(__file__), "keras_files")
EXPECTED = np.load(os.path.join(FILES, "expected.npz"))
INPUT_COUNT = {"dense_model": 1, "conv_gru_model": 2}


def inputs_of(name):
    x = [EXPECTED[f"{name}/x{i}"] for i in range(INPUT_COUNT[name])]
    return x if len(x) > 1 else x[0]


def dense_model():
    return kerax.Sequential([kerax.Input((4,)), layers.Dense(3, activation="relu"),
                             layers.Dense(2, activation="softmax")])


def conv_gru_model():
    image = kerax.Input((8, 8, 1), name="image")
    x = layers.Conv2D(4, 3, padding="same", activation="relu")(image)
    x = layers.BatchNormalization()(x)
    x = layers.Flatten()(layers.MaxPooling2D()(x))
    tokens = kerax.Input((6,), dtype="int32", name="tokens")
    y = layers.GRU(3)(layers.Embedding(20, 5, mask_zero=True)(tokens))
    z = layers.LSTM(2)(layers.Embedding(20, 4)(tokens))
    out = layers.Dense(2, activation="softmax", name="out")(layers.Concatenate()([x, y, z]))
    return kerax.Model([image, tokens], out)


@pytest.mark.parametrize("name", ["dense_model", "conv_gru_model"])
@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_whole_model_files_load_with_weights_and_optimizer_state(name, suffix):
    model = kerax.models.load_model(os.path.join(FILES, name + suffix))
    np.testing.assert_allclose(model.predict(inputs_of(name), verbose=0), EXPECTED[f"{name}/predicted"],
                               rtol=1e-4, atol=1e-6)
    assert model.optimizer is not None and model.loss == "mse"
    assert int(model.optimizer.iterations.numpy()) == int(EXPECTED[f"{name}/optimizer_iterations"])
    model.fit(inputs_of(name), EXPECTED[f"{name}/y"], epochs=1, batch_size=5, verbose=0)  # training resumes


@pytest.mark.parametrize("name, build", [("dense_model", dense_model), ("conv_gru_model", conv_gru_model)])
def test_weights_files_load_into_the_same_architecture_built_in_kerax(name, build):
    model = build()
    model.load_weights(os.path.join(FILES, name + ".weights.h5"))
    np.testing.assert_allclose(model.predict(inputs_of(name), verbose=0), EXPECTED[f"{name}/predicted"],
                               rtol=1e-4, atol=1e-6)


def test_layers_come_in_keras_order_which_fixes_weight_and_optimizer_order():
    import json
    import zipfile

    with zipfile.ZipFile(os.path.join(FILES, "conv_gru_model.keras")) as archive:
        keras_order = [layer["name"] for layer in json.loads(archive.read("config.json"))["config"]["layers"]]
    loaded = kerax.models.load_model(os.path.join(FILES, "conv_gru_model.keras"), compile=False)
    assert [operation.name for operation in loaded.operations] == keras_order
    # As in Keras 3, `layers` leaves out operations such as the Embedding mask's `not_equal`.
    assert [layer.name for layer in loaded.layers] == [name for name in keras_order if name != "not_equal"]
    # Built in kerax, the Embedding's mask is no graph node (Keras 3 records it as the operation `not_equal`).
    built = [layer.name for layer in conv_gru_model().layers]
    assert built == [name for name in keras_order if name != "not_equal"]
    assert built[:5] == ["image", "conv2d", "batch_normalization", "tokens", "max_pooling2d"]  # by depth


@pytest.mark.parametrize("suffix", [".keras", ".h5"])
def test_a_loaded_keras_model_saves_again_with_its_operation_nodes(tmp_path, suffix):
    model = kerax.models.load_model(os.path.join(FILES, "conv_gru_model.keras"))
    model.save(tmp_path / ("again" + suffix))
    again = kerax.models.load_model(tmp_path / ("again" + suffix))
    assert [layer.name for layer in again.layers] == [layer.name for layer in model.layers]
    np.testing.assert_allclose(again.predict(inputs_of("conv_gru_model"), verbose=0),
                               EXPECTED["conv_gru_model/predicted"], rtol=1e-4, atol=1e-6)


def test_an_operation_kerax_lacks_is_named_in_the_error():
    from kerax.saving.layer_registry import deserialize_layer

    with pytest.raises(ValueError, match=r"Keras operation 'Frobnicate' .*looked for `ops.frobnicate`"):
        deserialize_layer({"module": "keras.src.ops.numpy", "class_name": "Frobnicate",
                           "config": {"name": "frobnicate"}})
