"""kerax.models.clone_model: same architecture and config, new independent weights; clone_function,
call_function, input_tensors and recursive as Keras 3.15 documents them."""
import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.models import clone_model

X = np.linspace(-1, 1, 12, dtype="float32").reshape(4, 3)


def _sequential():
    return kerax.Sequential([kerax.Input((3,), name="features"), layers.Dense(4, activation="relu"),
                             layers.Dropout(0.1), layers.Dense(2)], name="stack")


def _functional():
    """Two inputs and one Dense layer called twice (shared)."""
    a, b = kerax.Input((3,), name="a"), kerax.Input((3,), name="b")
    shared = layers.Dense(4, name="shared")
    merged = layers.Concatenate()([shared(a), shared(b)])
    return kerax.Model([a, b], layers.Dense(1, name="head")(merged), name="siamese")


def _inputs(model):
    return [X, X[::-1].copy()] if len(getattr(model, "inputs", None) or []) == 2 else X


def _assert_independent_copy(model, copy, train=False):
    """Same config and, given the same weights, the same outputs; its own freshly initialised weights, which
    change (by assignment, or by `fit` when `train`) without touching the original's."""
    assert copy is not model and copy.get_config() == model.get_config()
    assert len(copy.weights) == len(model.weights)
    assert not any(c is w for c, w in zip(copy.weights, model.weights))
    assert not all(np.allclose(c.numpy(), w.numpy()) for c, w in zip(copy.weights, model.weights))
    copy.set_weights(model.get_weights())
    expected = np.asarray(model(_inputs(model)))
    np.testing.assert_allclose(np.asarray(copy(_inputs(model))), expected, rtol=1e-6)
    before = [w.copy() for w in model.get_weights()]
    if train:
        copy.compile(optimizer="sgd", loss="mse")
        copy.fit(_inputs(model), np.ones(expected.shape), verbose=0)
    else:
        for weight in copy.weights:
            weight.assign(weight.numpy() + 1.0)
    assert not np.allclose(copy.get_weights()[0], before[0])
    for original, kept in zip(model.get_weights(), before):
        np.testing.assert_array_equal(original, kept)


@pytest.mark.parametrize("make_model", [_sequential, _functional], ids=["sequential", "functional"])
def test_clone_has_the_config_and_new_independent_weights(make_model):
    model = make_model()
    copy = clone_model(model)
    assert type(copy) is type(model)
    _assert_independent_copy(model, copy, train=True)


def test_shared_layers_stay_shared_in_the_copy():
    copy = clone_model(_functional())
    shared = copy.get_layer("shared")
    assert len(shared._inbound_nodes) == 2 and len(copy.weights) == 4


def test_clone_function_is_applied_to_each_layer_but_not_to_inputs():
    model = _sequential()
    seen = []

    def clone_function(layer):
        seen.append(layer.name)
        config = layer.get_config()
        if isinstance(layer, layers.Dense):
            config["activation"] = "tanh"
        return layer.__class__.from_config(config)

    copy = clone_model(model, clone_function=clone_function)
    assert seen == [layer.name for layer in model.layers]
    dense = [layer for layer in copy.layers if isinstance(layer, layers.Dense)]
    assert [layer.activation.__name__ for layer in dense] == ["tanh", "tanh"]
    reused = clone_model(model, clone_function=lambda layer: layer)  # the same layers: the weights are shared
    assert all(c is w for c, w in zip(reused.weights, model.weights))


def test_call_function_can_insert_layers_in_a_functional_copy():
    model = _functional()

    def call_function(layer, *args, **kwargs):
        out = layer(*args, **kwargs)
        return layers.Dropout(0.5)(out) if isinstance(layer, layers.Dense) else out

    copy = clone_model(model, call_function=call_function)
    assert sum(isinstance(layer, layers.Dropout) for layer in copy.layers) == 3  # shared twice, head once
    with pytest.raises(ValueError, match="call_function"):
        clone_model(_sequential(), call_function=call_function)


@pytest.mark.parametrize("make_model", [_sequential, _functional], ids=["sequential", "functional"])
def test_input_tensors_replace_the_inputs(make_model):
    model = make_model()
    new_inputs = [kerax.Input((3,), name=f"new_{i}") for i in range(len(model.inputs))]
    given = new_inputs if len(new_inputs) > 1 else new_inputs[0]
    copy = clone_model(model, input_tensors=given)
    assert all(c is n for c, n in zip(copy.inputs, new_inputs))
    assert copy.predict(_inputs(model), verbose=0).shape == model.predict(_inputs(model), verbose=0).shape
    with pytest.raises(ValueError, match="kerax.Input"):
        clone_model(model, input_tensors=[layers.Dense(3)(n) for n in new_inputs])


def test_recursive_clones_nested_models_layer_by_layer():
    inner = kerax.Sequential([kerax.Input((3,)), layers.Dense(4), layers.Dense(3)], name="inner")
    inputs = kerax.Input((3,))
    model = kerax.Model(inputs, layers.Dense(1)(inner(inputs)))
    seen = []

    def clone_function(layer):
        seen.append(type(layer).__name__)
        return layer.__class__.from_config(layer.get_config())

    flat = clone_model(model, clone_function=clone_function)
    assert seen == ["Sequential", "Dense"]
    seen.clear()
    deep = clone_model(model, clone_function=clone_function, recursive=True)
    assert seen == ["Dense", "Dense", "Dense"]
    for copy in (flat, deep):
        _assert_independent_copy(model, copy)


class Residual(kerax.Model):
    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.dense = layers.Dense(units)

    def call(self, x):
        return x + self.dense(x)

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def test_subclassed_model_is_cloned_from_its_config():
    model = Residual(3, name="residual")
    model(X)
    copy = clone_model(model)
    assert type(copy) is Residual and copy.built
    _assert_independent_copy(model, copy)
    with pytest.raises(ValueError, match="subclassed Residual"):
        clone_model(model, clone_function=lambda layer: layer)
