"""The op namespaces hold exactly their names (as Keras's do), every name is also in kerax.ops, and ops of each
family work on symbolic tensors inside functional models (shape inference, evaluation, training)."""
import numpy as np
import pytest

import kerax
from kerax import ops


@pytest.mark.parametrize("family", ["numpy", "nn", "linalg", "math", "core", "einops"])
def test_namespace_holds_exactly_its_names(family):
    module = getattr(ops, family)
    public = {name for name in dir(module) if not name.startswith("_")}
    assert public == set(module.__all__)
    for name in module.__all__:
        assert getattr(ops, name) is getattr(module, name), name


def test_names_sit_in_keras_families():
    assert "one_hot" in ops.nn.__all__ and "one_hot" not in ops.numpy.__all__
    assert "norm" in ops.linalg.__all__ and "qr" in ops.linalg.__all__ and "norm" not in ops.numpy.__all__
    assert {"conv", "ctc_loss", "max_pool", "dot_product_attention"} <= set(ops.nn.__all__)
    assert {"nanmean", "bitwise_and", "histogram", "trapezoid"} <= set(ops.numpy.__all__)


def _model_output(build, x):
    inputs = kerax.Input(x.shape[1:])
    outputs = build(inputs)
    return outputs, kerax.Model(inputs, outputs).predict(x, verbose=0)


@pytest.mark.parametrize("family,build,reference", [
    ("numpy", lambda t: ops.nanmean(t, axis=-1), lambda x: np.nanmean(x, axis=-1)),
    ("numpy", lambda t: ops.flip(ops.cumsum(t, axis=1), axis=-1), lambda x: np.flip(np.cumsum(x, 1), -1)),
    ("nn", lambda t: ops.rms_normalization(t, axis=-1),
     lambda x: x / np.sqrt((x**2).mean(-1, keepdims=True) + 1e-7)),
    ("nn", lambda t: ops.real(ops.polar(t, t)), lambda x: x * np.cos(x)),  # a complex intermediate
    ("linalg", lambda t: ops.det(ops.reshape(t, (-1, 2, 2))), lambda x: np.linalg.det(x.reshape(-1, 2, 2))),
    ("math", lambda t: ops.logsumexp(t, axis=1), lambda x: np.log(np.exp(x).sum(1))),
    ("core", lambda t: ops.unstack(t, axis=1)[2], lambda x: x[:, 2]),
    ("einops", lambda t: ops.rearrange(t, "b (h w) -> b w h", h=2),
     lambda x: x.reshape(-1, 2, 2).transpose(0, 2, 1)),
])
def test_ops_on_symbolic_tensors(family, build, reference):
    x = np.random.default_rng(0).normal(size=(3, 4)).astype("float32")
    symbolic, result = _model_output(build, x)
    assert isinstance(symbolic, kerax.backend.KerasTensor)
    expected = reference(x)
    assert tuple(symbolic.shape) == (None,) + expected.shape[1:]
    np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_model_with_new_ops_trains_with_fit():
    rng = np.random.default_rng(1)
    x, y = rng.normal(size=(16, 4)).astype("float32"), rng.normal(size=(16, 1)).astype("float32")
    inputs = kerax.Input((4,))
    hidden = ops.layer_normalization(kerax.layers.Dense(8)(inputs))
    outputs = kerax.layers.Dense(1)(ops.hard_silu(hidden))
    model = kerax.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(x, y, epochs=3, batch_size=8, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0]
