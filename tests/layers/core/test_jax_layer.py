"""JaxLayer and FlaxLayer. FlaxLayer is exercised here with a small object that follows the linen module
protocol (`init(rngs, x)` / `apply(variables, x, rngs=..., method=..., mutable=...)`), so no flax install is
needed; the shapes of what it returns are those flax returns."""
import jax
import jax.numpy as jnp
import numpy as np
import pytest

import kerax
from kerax import layers


def affine_call(params, inputs):
    return inputs @ params["w"] + params["b"]


def affine_init(rng, inputs):
    return {"w": jax.random.normal(rng, (inputs.shape[-1], 2)) * 0.1, "b": jnp.zeros((2,))}


def counting_call(params, state, rng, inputs, training):
    noise = jax.random.uniform(rng, inputs.shape) if training else jnp.zeros(inputs.shape)
    return inputs * params["scale"] + noise, {"count": state["count"] + 1.0}


def test_jax_layer_with_init_fn_computes_and_trains(rng):
    layer = layers.JaxLayer(affine_call, affine_init)
    x = rng.random((16, 3)).astype("float32")
    out = np.asarray(layer(x))
    params = {w.name: w.numpy() for w in layer.weights}
    np.testing.assert_allclose(out, x @ params["w"] + params["b"], rtol=1e-5)
    assert sorted(params) == ["b", "w"] and all(w.trainable for w in layer.weights)

    y = x @ np.array([[1.0, 0.0], [0.0, 2.0], [1.0, -1.0]], "float32")
    model = kerax.Sequential([kerax.Input((3,)), layers.JaxLayer(affine_call, affine_init)])
    model.compile(kerax.optimizers.Adam(0.05), "mse")
    losses = model.fit(x, y, epochs=20, batch_size=8, verbose=0).history["loss"]
    assert losses[-1] < 0.5 * losses[0]


def test_jax_layer_state_rng_and_training():
    layer = layers.JaxLayer(counting_call, params={"scale": np.float32(3.0)},
                            state={"count": np.float32(0.0)}, seed=7)
    x = np.ones((2, 3), "float32")
    np.testing.assert_allclose(np.asarray(layer(x, training=False)), 3 * x)
    trained = np.asarray(layer(x, training=True))
    assert np.all((trained >= 3.0) & (trained < 4.0)) and not np.allclose(trained, 3.0)
    assert [w.name for w in layer.trainable_weights] == ["scale"]
    assert [w.name for w in layer.non_trainable_weights if w.name == "count"] == ["count"]
    assert float(layer.state["count"].numpy()) == 2.0  # assigned by each call


def test_jax_layer_errors_and_config():
    with pytest.raises(ValueError, match="Missing required argument in `call_fn`: `inputs`"):
        layers.JaxLayer(lambda params, x: x)
    with pytest.raises(ValueError, match="Unsupported argument in `call_fn`: `x`"):
        layers.JaxLayer(lambda inputs, x: x)
    with pytest.raises(ValueError, match="`init_fn`, `params` and `state` cannot all be `None`"):
        layers.JaxLayer(affine_call)
    kerax.utils.register_keras_serializable("test_jax")(affine_call)
    kerax.utils.register_keras_serializable("test_jax")(affine_init)
    layer = layers.JaxLayer(affine_call, affine_init, name="wrapped")
    config = layer.get_config()
    assert config["call_fn"] == "test_jax>affine_call" and config["init_fn"] == "test_jax>affine_init"
    clone = layers.JaxLayer.from_config(config)
    assert clone.call_fn is affine_call and clone.init_fn is affine_init and clone.name == "wrapped"


class LinenLikeModule:
    """The linen protocol with one "params" collection (a scale) and one "batch_stats" collection (a running
    sum of the inputs), like a Dense + BatchNorm module."""

    def init(self, rngs, inputs, method=None):
        assert set(rngs) == {"params", "dropout"}
        return {"params": {"scale": jnp.ones((inputs.shape[-1],))},
                "batch_stats": {"total": jnp.zeros((inputs.shape[-1],))}}

    def apply(self, variables, inputs, rngs=None, method=None, mutable=False):
        assert mutable == ["batch_stats"]
        total = variables["batch_stats"]["total"] + inputs.sum(0)
        return inputs * variables["params"]["scale"], {"batch_stats": {"total": total}}

    def __call__(self, inputs):
        raise AssertionError("FlaxLayer goes through apply()")


def test_flax_layer_with_a_linen_protocol_module(rng):
    layer = layers.FlaxLayer(LinenLikeModule())
    x = rng.random((4, 3)).astype("float32")
    np.testing.assert_allclose(np.asarray(layer(x)), x, rtol=1e-6)
    layer(x)
    names = {w.name: w for w in layer.weights}
    assert names["params_scale"].trainable and not names["batch_stats_total"].trainable
    np.testing.assert_allclose(names["batch_stats_total"].numpy(), 2 * x.sum(0), rtol=1e-5)
    with pytest.raises(TypeError, match="expects a Flax linen module"):
        layers.FlaxLayer(object())
