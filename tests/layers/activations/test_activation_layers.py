"""ReLU, LeakyReLU, PReLU, ELU, Softmax and ThresholdedReLU against NumPy formulas, in models, through configs
and `.keras` files, and trained once together."""
import warnings

import numpy as np
import pytest

import kerax
from kerax import layers

X = np.random.default_rng(1).normal(scale=2.0, size=(3, 4, 5)).astype("float32")


def np_relu(x, max_value=None, negative_slope=0.0, threshold=0.0):
    out = np.where(x > threshold, x, negative_slope * (x - threshold))
    return out if max_value is None else np.where(x > threshold, np.minimum(out, max_value), out)


def np_prelu(layer, x):
    alpha = layer.get_weights()[0]
    return np.where(x >= 0, x, alpha * x)


def np_softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


CASES = {
    "relu": dict(make=lambda: layers.ReLU(max_value=1.5, negative_slope=0.1, threshold=0.5), inputs=X,
                 reference=lambda layer, x: np_relu(x, 1.5, 0.1, 0.5)),
    "relu_default": dict(make=layers.ReLU, inputs=X, reference=lambda layer, x: np.maximum(x, 0)),
    "leaky_relu": dict(make=layers.LeakyReLU, inputs=X,
                       reference=lambda layer, x: np.where(x >= 0, x, 0.3 * x)),
    "prelu": dict(make=layers.PReLU, inputs=X, reference=np_prelu),
    "prelu_shared": dict(make=lambda: layers.PReLU(shared_axes=[1], alpha_regularizer="l2"), inputs=X,
                         reference=np_prelu),
    "elu": dict(make=lambda: layers.ELU(alpha=0.7), inputs=X,
                reference=lambda layer, x: np.where(x > 0, x, 0.7 * (np.exp(x) - 1))),
    "softmax": dict(make=layers.Softmax, inputs=X, reference=lambda layer, x: np_softmax(x, -1)),
    "softmax_axes": dict(make=lambda: layers.Softmax(axis=[1, 2]), inputs=X,
                         reference=lambda layer, x: np_softmax(x, (1, 2))),
    "thresholded_relu": dict(make=lambda: layers.ThresholdedReLU(theta=0.5), inputs=X,
                             reference=lambda layer, x: np.where(x > 0.5, x, 0.0)),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_documented_examples():
    x = np.array([-10, -5, 0.0, 5, 10], "float32")
    expected = [-5.0, -2.5, 0.0, 5.0, 10.0]
    np.testing.assert_allclose(layers.ReLU(max_value=10, negative_slope=0.5)(x), expected)
    np.testing.assert_allclose(layers.LeakyReLU(negative_slope=0.5)(x), expected)
    np.testing.assert_allclose(layers.Softmax()(np.array([1.0, 2.0, 1.0])),
                               [0.21194157, 0.5761169, 0.21194157], rtol=1e-6)


def test_prelu_weight_shape_and_name():
    layer = layers.PReLU(shared_axes=[1, 2])
    layer.build((None, 6, 7, 3))
    assert [(w.name, w.shape) for w in layer.weights] == [("alpha", (1, 1, 3))]
    assert layer.get_config()["alpha_initializer"]["class_name"] == "Zeros"
    with pytest.raises(ValueError, match=r'PReLU layer "p".*unknown axes in `shared_axes`'):
        layers.PReLU(name="p").build((None, None, 3))


def test_softmax_mask():
    x = X[:, 0, :]
    mask = np.array([[1, 1, 0, 1, 0], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1]], bool)
    expected = np.exp(x) * mask
    expected = np.divide(expected, expected.sum(-1, keepdims=True), where=mask.any(-1, keepdims=True),
                         out=np.zeros_like(expected))
    np.testing.assert_allclose(layers.Softmax()(x, mask=mask), expected, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(layers.Softmax()(x, mask=mask.astype("float32")), expected, rtol=1e-5,
                               atol=1e-7)
    with pytest.raises(ValueError, match=r"the mask must broadcast to the inputs"):
        layers.Softmax()(x, mask=mask[:, :3])


def test_softmax_mask_in_a_functional_model():
    scores, mask = kerax.Input((5,)), kerax.Input((5,), dtype="bool")
    model = kerax.Model([scores, mask], layers.Softmax()(scores, mask=mask))
    keep = np.array([[1, 1, 0, 1, 0], [1, 0, 0, 0, 0], [1, 1, 1, 1, 1]], bool)
    out = np.asarray(model([X[:, 0, :], keep]))
    np.testing.assert_allclose(out[~keep], 0.0)
    np.testing.assert_allclose(out.sum(-1), 1.0, rtol=1e-6)


def test_keras2_arguments_and_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert layers.LeakyReLU(alpha=0.1).negative_slope == 0.1  # tf.keras configs
    for make, message in [
        (lambda: layers.ReLU(max_value=-1),
         r"ReLU: `max_value` must be a number >= 0, received max_value=-1"),
        (lambda: layers.ReLU(negative_slope=None), r"`negative_slope` must be a number >= 0"),
        (lambda: layers.LeakyReLU(negative_slope=-0.1), r"LeakyReLU: `negative_slope` must be"),
        (lambda: layers.ThresholdedReLU(theta=-1.0), r"ThresholdedReLU: `theta` must be"),
    ]:
        with pytest.raises(ValueError, match=message):
            make()


def test_fit_under_compilation(rng):
    model = kerax.Sequential([
        kerax.Input((5,)), layers.Dense(6), layers.ReLU(max_value=6.0), layers.Dense(6), layers.LeakyReLU(),
        layers.Dense(6), layers.ThresholdedReLU(0.1), layers.Dense(6), layers.PReLU(), layers.ELU(),
        layers.Dense(3),
        layers.Softmax(),
    ])
    model.compile(optimizer="sgd", loss="categorical_crossentropy")
    alpha = model.layers[7].get_weights()[0].copy()
    history = model.fit(rng.normal(size=(8, 5)), np.eye(3)[rng.integers(0, 3, 8)], batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert not np.allclose(model.layers[7].get_weights()[0], alpha)  # PReLU's alpha is trained
