import io

import numpy as np
import pytest

import kerax
from kerax import layers


def _numpy_forward(model, x):
    for layer in model.layers:
        kernel, bias = layer.get_weights()
        x = x @ kernel + bias
        if layer.get_config()["activation"] == "relu":
            x = np.maximum(x, 0)
    return x


def test_list_constructor_with_input_shape_builds_immediately():
    model = kerax.Sequential([layers.Dense(32, input_shape=(784,)), layers.Activation("relu"),
                              layers.Dense(10), layers.Activation("softmax")])
    assert model.built and model.output_shape == (None, 10)
    assert model.count_params() == 784 * 32 + 32 + 32 * 10 + 10


def test_add_with_input_dim_and_deferred_build(rng):
    model = kerax.Sequential()
    model.add(layers.Dense(32, input_dim=16))
    model.add(layers.Dense(4))
    assert model.built
    deferred = kerax.Sequential([layers.Dense(8, activation="relu"), layers.Dense(3)])
    assert not deferred.built
    x = rng.random((5, 6)).astype("float32")
    y = np.asarray(deferred(x))
    assert deferred.built and y.shape == (5, 3)
    np.testing.assert_allclose(y, _numpy_forward(deferred, x), rtol=1e-5, atol=1e-6)


def test_summary_matches_keras_table():
    model = kerax.Sequential()
    model.add(layers.Dense(16, activation="relu", input_shape=(10,)))
    model.add(layers.Dense(1, activation="sigmoid"))
    out = io.StringIO()
    model.summary(print_fn=lambda line: out.write(line + "\n"))
    text = out.getvalue().splitlines()
    assert text[0] == 'Model: "sequential"'
    assert text[2].startswith("Layer (type)                 Output Shape              Param #")
    assert text[4].startswith("dense (Dense)                (None, 16)                176")
    assert text[6].startswith("dense_1 (Dense)              (None, 1)                 17")
    assert "Total params: 193" in text and "Trainable params: 193" in text and "Non-trainable params: 0" in text


def test_get_layer_by_name_and_index_and_errors():
    model = kerax.Sequential([layers.Dense(2, input_shape=(3,), name="first"), layers.Dense(1)])
    assert model.get_layer("first") is model.layers[0]
    assert model.get_layer(index=1) is model.layers[1]
    with pytest.raises(ValueError, match="No such layer: nope"):
        model.get_layer("nope")


def test_non_layer_is_rejected():
    with pytest.raises(TypeError, match="expects a layer instance"):
        kerax.Sequential([np.zeros(3)])


def test_incompatible_layer_stack_names_layer():
    model = kerax.Sequential([layers.Dense(4, input_shape=(3,))])
    model(np.zeros((1, 3), "float32"))
    with pytest.raises(ValueError, match=r"expected shape=\(None, 3\), found shape=\(1, 5\)"):
        model(np.zeros((1, 5), "float32"))


def test_functional_model_as_first_layer_builds_the_stack(rng):
    base = kerax.Model(*_dense_graph((6,), 4))
    model = kerax.Sequential([base, layers.Dense(3)])
    assert model.built and model.output_shape == (None, 3)
    ids = kerax.Input((5,), dtype="int32")
    embedder = kerax.Model(ids, layers.GlobalAveragePooling1D()(layers.Embedding(10, 4)(ids)))
    stacked = kerax.Sequential()
    stacked.add(embedder)
    stacked.add(layers.Dense(2))
    assert stacked.inputs[0].dtype == "int32" and stacked.output_shape == (None, 2)
    x = rng.random((2, 6)).astype("float32")
    np.testing.assert_allclose(model(x), np.asarray(base(x)) @ model.layers[1].kernel.numpy()
                               + model.layers[1].bias.numpy(), rtol=1e-5, atol=1e-6)


def _dense_graph(shape, units):
    inputs = kerax.Input(shape)
    return inputs, layers.Dense(units)(inputs)
