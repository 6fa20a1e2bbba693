import sys

import numpy as np
import pytest

import kerax
from kerax import layers


def test_seed_functional_model_forward_matches_numpy(rng):
    inputs = kerax.Input(shape=(32,))
    x = layers.Dense(64, activation="relu")(inputs)
    x = layers.Dense(64, activation="relu")(x)
    predictions = layers.Dense(10)(x)
    model = kerax.Model(inputs=inputs, outputs=predictions)
    assert [type(l).__name__ for l in model.layers] == ["InputLayer", "Dense", "Dense", "Dense"]
    data = rng.random((4, 32)).astype("float32")
    h = data
    for layer in model.layers[1:]:
        k, b = layer.get_weights()
        h = h @ k + b
        if layer is not model.layers[-1]:
            h = np.maximum(h, 0)
    np.testing.assert_allclose(np.asarray(model(data)), h, rtol=1e-5, atol=1e-5)


def test_multi_input_multi_output_shared_and_residual(rng):
    a = kerax.Input((8,), name="a")
    b = kerax.Input((8,), name="b")
    shared = layers.Dense(8, name="shared")
    ha, hb = shared(a), shared(b)
    residual = ha + hb + a  # ops on symbolic tensors become graph nodes
    out1 = layers.Dense(1, name="out1")(residual)
    out2 = layers.Dense(2, name="out2")(hb)
    model = kerax.Model([a, b], [out1, out2])
    assert model.output_names == ["out1", "out2"]
    assert len(model.weights) == 6  # the shared layer counts once
    xa, xb = rng.random((3, 8)).astype("float32"), rng.random((3, 8)).astype("float32")
    y1, y2 = model([xa, xb])
    k, bias = shared.get_weights()
    r = xa @ k + bias + xb @ k + bias + xa
    k1, b1 = model.get_layer("out1").get_weights()
    np.testing.assert_allclose(np.asarray(y1), r @ k1 + b1, rtol=1e-5, atol=1e-5)
    by_name = model({"a": xa, "b": xb})
    np.testing.assert_allclose(np.asarray(by_name[0]), np.asarray(y1), rtol=1e-6)


def test_one_graph_in_several_models(rng):
    inputs = kerax.Input((4,))
    hidden = layers.Dense(3, name="hidden")(inputs)
    outputs = layers.Dense(2)(hidden)
    full = kerax.Model(inputs, outputs)
    encoder = kerax.Model(inputs, hidden)
    x = rng.random((2, 4)).astype("float32")
    k, b = full.get_layer("hidden").get_weights()
    np.testing.assert_allclose(np.asarray(encoder(x)), x @ k + b, rtol=1e-5)
    assert full.get_layer("hidden") is encoder.get_layer("hidden")


def test_unknown_dimensions():
    x = kerax.Input(shape=(None, None, 3), name="input_image")
    y = layers.Dense(5)(x)
    assert y.shape == (None, None, None, 5)
    model = kerax.Model(x, y)
    assert np.asarray(model(np.zeros((2, 7, 9, 3), "float32"))).shape == (2, 7, 9, 5)


def test_old_keras1_spelling_input_output():
    image_input = kerax.Input((4,))
    out = layers.Dense(1)(image_input)
    model = kerax.Model(input=image_input, output=out)
    assert model.inputs[0] is image_input


def test_dict_keys_must_match_input_names():
    a = kerax.Input((2,), name="a")
    model = kerax.Model(a, layers.Dense(1)(a))
    with pytest.raises(ValueError, match=r"inputs named \['a'\].*Unknown: \['b'\]"):
        model({"b": np.zeros((1, 2), "float32")})


def test_non_symbolic_inputs_are_rejected():
    with pytest.raises(TypeError, match="symbolic tensors"):
        kerax.Model(np.zeros(3), np.zeros(3))


def test_a_model_may_start_from_tensors_inside_a_graph():
    """As in Keras: the graph between the given tensors and the outputs is replayed on fresh Inputs, with the
    same layers (shared weights)."""
    a, b = kerax.Input((3,), name="a"), kerax.Input((2,), name="b")
    joined = kerax.layers.Concatenate()([a, b])
    dense = kerax.layers.Dense(1, kernel_initializer="ones")
    full = kerax.Model([a, b], dense(kerax.layers.Dense(4, kernel_initializer="ones")(joined)))
    tail = kerax.Model(joined, full.output)
    assert tail.input_shape == (None, 5)
    x = np.arange(10, dtype="float32").reshape(2, 5)
    np.testing.assert_allclose(tail.predict(x, verbose=0), full.predict([x[:, :3], x[:, 3:]], verbose=0))
    assert tail.layers[-1] is dense


def test_a_graph_deeper_than_pythons_recursion_limit_builds_and_runs():
    """The walk over the graph is iterative: chained layers more than the recursion limit (ResNetRS420 has
    2258 layers) build, in order."""
    depth = sys.getrecursionlimit() + 100
    inputs = kerax.Input((2,))
    x = inputs
    for _ in range(depth):
        x = layers.ReLU()(x)
    model = kerax.Model(inputs, x)
    assert len(model.layers) == depth + 1
    assert [layer.name for layer in model.layers[1:3]] == ["re_lu", "re_lu_1"]
    assert model.layers[-1].name == f"re_lu_{depth - 1}" and tuple(model.output.shape) == (None, 2)
