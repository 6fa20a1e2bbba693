"""GroupNormalization, UnitNormalization, RMSNormalization and SpectralNormalization against NumPy formulas,
in models, through configs and `.keras` files, with Keras's weight names, and trained once together."""
import numpy as np
import pytest

import kerax
from kerax import layers

RNG = np.random.default_rng(5)
X = RNG.normal(1.0, 2.0, size=(2, 3, 4, 6)).astype("float32")
V = RNG.normal(size=(3, 5)).astype("float32")


def np_group_norm(layer, x, axis=-1):
    groups, epsilon = layer.groups, layer.epsilon
    weights = layer.get_weights()
    gamma = weights[0] if layer.scale else 1.0
    beta = weights[-1] if layer.center else 0.0
    moved = np.moveaxis(x, axis, -1).astype("float64")
    out = np.empty_like(moved)
    size = moved.shape[-1] // groups
    for b in range(moved.shape[0]):
        for g in range(groups):
            part = moved[b, ..., g * size:(g + 1) * size]
            out[b, ..., g * size:(g + 1) * size] = (part - part.mean()) / np.sqrt(part.var() + epsilon)
    out = out * gamma + beta
    return np.moveaxis(out, -1, axis).astype("float32")


def np_unit_norm(x, axis):
    return x / np.maximum(np.sqrt((x.astype("float64") ** 2).sum(axis=axis, keepdims=True)), 1e-12)


def np_rms_norm(layer, x, axes):
    (scale,) = layer.get_weights()
    shape = [x.shape[a] if a in axes else 1 for a in range(x.ndim)]
    rms = np.sqrt((x.astype("float64") ** 2).mean(axis=axes, keepdims=True) + layer.epsilon)
    return (x / rms * scale.reshape(shape)).astype("float32")


def np_dense(layer, x):
    kernel, bias = layer.layer.get_weights()
    return (x @ kernel + bias).astype("float32")


CASES = {
    "group_norm": dict(make=lambda: layers.GroupNormalization(groups=3), inputs=X, reference=np_group_norm,
                       atol=1e-4),
    "group_norm_channels_first_no_center": dict(
        make=lambda: layers.GroupNormalization(groups=2, axis=1, center=False, epsilon=1e-5), inputs=X[:, 0],
        reference=lambda layer, x: np_group_norm(layer, x, axis=1), atol=1e-4),
    "instance_norm": dict(make=lambda: layers.GroupNormalization(groups=-1, gamma_regularizer="l2"), inputs=X,
                          reference=np_group_norm, atol=1e-4),
    "unit_norm": dict(make=layers.UnitNormalization, inputs=X,
                      reference=lambda layer, x: np_unit_norm(x, -1).astype("float32")),
    "unit_norm_axes": dict(make=lambda: layers.UnitNormalization(axis=[1, 2]), inputs=X,
                           reference=lambda layer, x: np_unit_norm(x, (1, 2)).astype("float32")),
    "rms_norm": dict(make=layers.RMSNormalization, inputs=X,
                     reference=lambda layer, x: np_rms_norm(layer, x, (3,)),
                     atol=1e-4),
    "rms_norm_axes": dict(make=lambda: layers.RMSNormalization(axis=[1, 3], epsilon=1e-3), inputs=X,
                          reference=lambda layer, x: np_rms_norm(layer, x, (1, 3)), atol=1e-4),
    "spectral_norm_inference": dict(make=lambda: layers.SpectralNormalization(layers.Dense(4)), inputs=V,
                                    reference=np_dense),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_group_norm_weights_and_errors():
    layer = layers.GroupNormalization(groups=-1)
    layer.build((None, 5, 6))
    assert [(w.name, w.shape) for w in layer.weights] == [("gamma", (6,)), ("beta", (6,))]
    assert layer.get_config()["groups"] == 6  # -1 is resolved at build, as in Keras
    with pytest.raises(ValueError, match=r'"gn".*the 6 channels on axis -1 cannot be split into groups=4'):
        layers.GroupNormalization(groups=4, name="gn").build((None, 6))
    with pytest.raises(ValueError, match=r"`groups` must be a positive integer \(or -1"):
        layers.GroupNormalization(groups=0)


def test_group_norm_keeps_half_precision_inputs_exact_enough():
    layer = layers.GroupNormalization(groups=2, dtype="mixed_float16")
    out = layer(X.astype("float16"))
    assert out.dtype == "float16"
    np.testing.assert_allclose(np.asarray(out, "float32"), np_group_norm(layer, X), atol=1e-2)


def test_unit_norm_of_zeros_and_axis_error():
    model = kerax.Sequential([kerax.Input((3,)), layers.UnitNormalization()])
    np.testing.assert_array_equal(model(np.zeros((1, 3), "float32")), 0.0)
    with pytest.raises(TypeError, match=r"`axis` must be an int or a list of ints, received axis='x'"):
        layers.UnitNormalization(axis="x")


def test_rms_norm_weight():
    layer = layers.RMSNormalization(axis=[1, 2])
    layer.build((None, 3, 4, 5))
    assert [(w.name, w.shape) for w in layer.weights] == [("scale", (3, 4))]


def test_spectral_norm_training_call_divides_the_kernel_by_its_largest_singular_value():
    dense = layers.Dense(3)
    layer = layers.SpectralNormalization(dense, power_iterations=8)
    x = RNG.normal(size=(2, 4)).astype("float32")
    layer(x)
    left, _ = np.linalg.qr(RNG.normal(size=(4, 3)))
    right, _ = np.linalg.qr(RNG.normal(size=(3, 3)))
    sigma = 3.0  # well above the other singular values, so a few power iterations find it
    kernel = (left @ np.diag([sigma, 1.0, 0.5]) @ right.T).astype("float32")
    dense.kernel.assign(kernel)
    out = np.asarray(layer(x, training=True))
    np.testing.assert_allclose(dense.kernel.numpy(), kernel / sigma, rtol=1e-4)
    np.testing.assert_allclose(out, x @ (kernel / sigma) + dense.bias.numpy(), rtol=1e-4, atol=1e-5)
    u = layer.vector_u.numpy()
    np.testing.assert_allclose(np.abs(u[0]), np.abs(right[:, 0]), atol=1e-4)


def test_spectral_norm_weights_follow_keras():
    layer = layers.SpectralNormalization(layers.Conv2D(4, 3))
    layer.build((None, 6, 6, 2))
    assert [(w.name, w.shape, w.trainable) for w in layer.weights] == [
        ("kernel", (3, 3, 2, 4), True), ("vector_u", (1, 4), False), ("bias", (4,), True)]
    with pytest.raises(ValueError, match=r"the wrapped Flatten has neither a `kernel` nor an `embeddings`"):
        layers.SpectralNormalization(layers.Flatten()).build((None, 3))
    with pytest.raises(ValueError, match=r"`power_iterations` must be a positive integer, received"):
        layers.SpectralNormalization(layers.Dense(2), power_iterations=0)
    with pytest.raises(ValueError, match=r"`layer` must be a layer instance"):
        layers.SpectralNormalization("dense")


def test_spectral_norm_saved_like_keras(tmp_path):
    import h5py

    model = kerax.Sequential([kerax.Input((4,)), layers.SpectralNormalization(layers.Dense(3))])
    model.save_weights(str(tmp_path / "m.weights.h5"))
    with h5py.File(tmp_path / "m.weights.h5") as f:
        own = f["layers/spectral_normalization/vars"]
        inner = f["layers/spectral_normalization/layer/vars"]
        assert [own[k].shape for k in sorted(own)] == [(4, 3), (1, 3)]
        assert [inner[k].shape for k in sorted(inner)] == [(4, 3), (3,)]


def test_fit_under_compilation(rng):
    model = kerax.Sequential([
        kerax.Input((4, 6)), layers.GroupNormalization(groups=2), layers.RMSNormalization(),
        layers.SpectralNormalization(layers.Dense(5)), layers.UnitNormalization(), layers.Flatten(),
        layers.Dense(1),
    ])
    model.compile(optimizer="sgd", loss="mse")
    vector_u = model.layers[2].vector_u.numpy().copy()
    history = model.fit(rng.normal(size=(8, 4, 6)), rng.normal(size=(8, 1)), batch_size=4, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert not np.allclose(model.layers[2].vector_u.numpy(), vector_u)  # the power iteration ran in training
