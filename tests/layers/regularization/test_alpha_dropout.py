"""AlphaDropout: identity at inference, Keras's affine transform of the kept / saturated inputs in training
(checked against the formula in NumPy), kept statistics, models, config, `.keras` files and training."""
import numpy as np
import pytest

import kerax
from kerax import layers

X = np.random.default_rng(2).normal(size=(4, 6)).astype("float32")
SATURATION = -1.6732632423543772848170429916717 * 1.0507009873554804934193349852946


def test_layer_at_inference(layer_checks):
    layer_checks.all(make=lambda: layers.AlphaDropout(0.3, seed=1), inputs=X, reference=lambda layer, x: x)


def test_training_formula_keeps_mean_and_variance():
    rate = 0.2
    x = np.random.default_rng(0).normal(size=(100, 300)).astype("float32")
    out = np.asarray(layers.AlphaDropout(rate, seed=3)(x, training=True))
    a = ((1 - rate) * (1 + rate * SATURATION ** 2)) ** -0.5
    b = -a * SATURATION * rate
    dropped = np.isclose(out, a * SATURATION + b)
    assert abs(dropped.mean() - rate) < 0.01
    np.testing.assert_allclose(out[~dropped], a * x[~dropped] + b, rtol=1e-5, atol=1e-6)
    assert abs(out.mean()) < 0.02 and abs(out.var() - 1.0) < 0.03


def test_noise_shape_shares_the_drop_along_axes():
    out = np.asarray(layers.AlphaDropout(0.5, noise_shape=(None, 1), seed=4)(np.ones((6, 5), "float32"),
                                                                            training=True))
    assert all(len(set(row)) == 1 for row in out)


def test_errors_and_config():
    with pytest.raises(ValueError, match=r"AlphaDropout: `rate` must be in \[0, 1\], received rate=1.5"):
        layers.AlphaDropout(1.5)
    assert layers.AlphaDropout(0.1, noise_shape=(None, 1), seed=2).get_config()["noise_shape"] == (None, 1)


def test_fit_under_compilation(rng):
    model = kerax.Sequential([kerax.Input((6,)), layers.Dense(8, activation="selu"), layers.AlphaDropout(0.2),
                              layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(X, rng.normal(size=(4, 1)), batch_size=2, epochs=2, verbose=0)
    assert all(np.isfinite(history.history["loss"]))
