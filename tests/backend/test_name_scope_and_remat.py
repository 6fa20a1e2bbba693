"""name_scope (variable paths), remat (gradient checkpointing) and RematScope (layers created inside it)."""
import numpy as np
import pytest

import kerax
from kerax import layers, ops


def test_name_scope_prefixes_variable_and_layer_weight_paths():
    with kerax.name_scope("outer"):
        variable = kerax.Variable(1.0, name="v")
        with kerax.name_scope("inner"):
            dense = layers.Dense(2, name="proj")
            dense.build((None, 3))
    assert variable.path == "outer/v" and variable.name == "v"
    assert [w.path for w in dense.weights] == ["outer/inner/proj/kernel", "outer/inner/proj/bias"]
    assert kerax.Variable(1.0, name="w").path == "w"  # the scopes closed


def test_name_scope_caller_deduplication_and_override_parent():
    caller = object()
    with kerax.name_scope("block", caller=caller):
        with kerax.name_scope("block", caller=caller):
            assert kerax.Variable(0.0, name="a").path == "block/a"
        with kerax.name_scope("block", caller=caller, deduplicate=False):
            assert kerax.Variable(0.0, name="b").path == "block/block/b"
        with kerax.name_scope("c", override_parent="root/x"):
            assert kerax.Variable(0.0, name="c").path == "root/x/c/c"
    with pytest.raises(ValueError, match="cannot contain character `/`. Received: name=a/b"):
        kerax.name_scope("a/b")


def test_remat_keeps_values_and_gradients():
    def f(x):
        return ops.sum(ops.sin(x) ** 2)

    x = np.linspace(-1.0, 1.0, 5).astype("float32")
    value, grad = kerax.backend.value_and_grad(kerax.remat(f))(x)
    np.testing.assert_allclose(float(value), np.sum(np.sin(x) ** 2), rtol=1e-5)
    np.testing.assert_allclose(np.asarray(grad), 2 * np.sin(x) * np.cos(x), rtol=1e-5, atol=1e-6)


def _count_remats(monkeypatch):
    wrapped = []
    original = kerax.backend.remat

    def recording(fn):
        wrapped.append(fn)
        return original(fn)

    monkeypatch.setattr(kerax.backend, "remat", recording)
    return wrapped


def test_remat_scope_modes_choose_what_to_rematerialize(monkeypatch):
    wrapped = _count_remats(monkeypatch)
    x = np.ones((2, 4), "float32")
    with kerax.RematScope("list_of_layers", layer_names=["chosen"]):
        chosen, other = layers.Dense(3, name="chosen"), layers.Dense(3, name="other")
    chosen(x), other(x)
    assert len(wrapped) == 1 and wrapped[0].__self__ is chosen
    with kerax.RematScope("larger_than", output_size_threshold=10):
        small, large = layers.Dense(5), layers.Dense(6)  # outputs of 2 * 5 and 2 * 6 elements
    small(x), large(x)
    assert len(wrapped) == 2 and wrapped[1].__self__ is large
    with kerax.RematScope("activations"):
        with kerax.RematScope(None):
            off = layers.Dense(3, activation="relu")
        act = layers.Dense(3, activation="relu")
    off(x)
    assert len(wrapped) == 2
    np.testing.assert_allclose(np.asarray(act(x)), np.maximum(x @ act.kernel.numpy() + act.bias.numpy(), 0))
    assert wrapped[2] is kerax.activations.relu and act.activation is kerax.activations.relu
    with pytest.raises(ValueError, match="Invalid mode 'some'. Supported modes are: 'full', 'activations'"):
        kerax.RematScope("some")


def test_fit_under_full_remat_scope_matches_fit_without(monkeypatch):
    x = np.random.default_rng(0).random((8, 3)).astype("float32")
    y = x @ np.array([[1.0], [-2.0], [0.5]], "float32")

    def train(remat):
        kerax.utils.set_random_seed(3)
        with kerax.RematScope("full" if remat else None):
            model = kerax.Sequential([kerax.Input((3,)), layers.Dense(4, activation="tanh"), layers.Dense(1)])
        model.compile("sgd", "mse")
        return model.fit(x, y, epochs=2, batch_size=4, verbose=0, shuffle=False).history["loss"]

    plain = train(False)
    wrapped = _count_remats(monkeypatch)
    np.testing.assert_allclose(train(True), plain, rtol=1e-5)
    assert wrapped
