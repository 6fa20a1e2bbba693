"""Neural-network ops of kerax.ops.nn against NumPy formulas: encodings, cross-entropies, normalizations,
PSNR, polar, hard SiLU, transposed convolution lengths."""
import numpy as np
import pytest

from kerax import backend, ops
from op_checks import check, finite_difference

P = np.array([[0.2, 0.7, 0.1], [0.5, 0.25, 0.25]], "float32")
T = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], "float32")
LOGITS = np.array([[1.0, -2.0, 0.5], [3.0, 0.0, -1.0]], "float32")
X = np.array([[1.0, -2.0, 3.0, 0.5], [4.0, 0.0, -1.0, 2.0]], "float32")


def _log_softmax(z):
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def test_one_hot_and_multi_hot():
    labels = np.array([[0, 2], [3, 1]])
    check(ops.one_hot(labels, 4), np.eye(4)[labels], dtype="float32")
    check(ops.one_hot(np.array([1, -1, 5]), 3, axis=0, dtype="int32"), np.array([[0, 0, 0], [1, 0, 0], [0, 0, 0]]),
          dtype="int32")
    check(ops.multi_hot(np.array([0, 4]), num_classes=5), np.array([1.0, 0, 0, 0, 1]), dtype="float32")
    check(ops.multi_hot(labels, 4), np.array([[1.0, 0, 1, 0], [0, 1, 0, 1]]), dtype="float32")
    check(ops.multi_hot(labels, num_tokens=4), np.array([[1.0, 0, 1, 0], [0, 1, 0, 1]]), dtype="float32")
    with pytest.raises(ValueError, match="num_classes"):
        ops.multi_hot(labels)
    with pytest.raises(NotImplementedError, match="sparse"):
        ops.one_hot(labels, 4, sparse=True)


def test_crossentropies():
    eps = 1e-7
    check(ops.categorical_crossentropy(T, P), -(T * np.log(P)).sum(-1), rtol=1e-5)
    check(ops.categorical_crossentropy(T, LOGITS, from_logits=True), -(T * _log_softmax(LOGITS)).sum(-1),
          rtol=1e-5)
    unnormalized = P * 3.0  # probabilities are renormalized over the class axis first
    check(ops.categorical_crossentropy(T, unnormalized), -(T * np.log(P)).sum(-1), rtol=1e-5)
    check(ops.categorical_crossentropy(T.T, P.T, axis=0), -(T * np.log(P)).sum(-1), rtol=1e-5)
    labels = np.array([1, 0])
    check(ops.sparse_categorical_crossentropy(labels, P), -np.log(P[[0, 1], labels]), rtol=1e-5)
    check(ops.sparse_categorical_crossentropy(labels[:, None], LOGITS, from_logits=True),
          -_log_softmax(LOGITS)[[0, 1], labels], rtol=1e-5)
    clipped = np.clip(P, eps, 1 - eps)
    check(ops.binary_crossentropy(T, P), -(T * np.log(clipped) + (1 - T) * np.log(1 - clipped)), rtol=1e-5)
    sig = 1 / (1 + np.exp(-LOGITS))
    check(ops.binary_crossentropy(T, LOGITS, from_logits=True), -(T * np.log(sig) + (1 - T) * np.log(1 - sig)),
          rtol=1e-5)
    with pytest.raises(ValueError, match="same shape"):
        ops.categorical_crossentropy(T, P[:, :2])
    with pytest.raises(ValueError, match="without its last axis"):
        ops.sparse_categorical_crossentropy(np.array([1, 0, 2]), P)


def test_normalize():
    check(ops.normalize(X), X / np.linalg.norm(X, axis=-1, keepdims=True), rtol=1e-5)
    check(ops.normalize(X, axis=0, order=1), X / np.abs(X).sum(0, keepdims=True), rtol=1e-5)
    check(ops.normalize(np.zeros((1, 3), "float32")), np.zeros((1, 3)), dtype="float32")
    check(ops.normalize(np.array([[3, 4]])), np.array([[0.6, 0.8]]), dtype="float32")
    with pytest.raises(ValueError, match="int >= 1"):
        ops.normalize(X, order=0.5)


def test_layer_and_rms_normalization():
    mean, var = X.mean(-1, keepdims=True), X.var(-1, keepdims=True)
    gamma, beta = np.array([1.0, 2.0, 0.5, -1.0], "float32"), np.array([0.1, 0.0, -0.2, 0.3], "float32")
    check(ops.layer_normalization(X, gamma, beta, epsilon=1e-3),
          (X - mean) / np.sqrt(var + 1e-3) * gamma + beta, rtol=1e-5, atol=1e-5)
    both = X.mean((0, 1), keepdims=True), X.var((0, 1), keepdims=True)
    check(ops.layer_normalization(X, axis=(0, 1)), (X - both[0]) / np.sqrt(both[1] + 1e-7), rtol=1e-5, atol=1e-5)
    rms = np.sqrt((X**2).mean(-1, keepdims=True) + 1e-7)
    check(ops.rms_normalization(X, scale=gamma), X / rms * gamma, rtol=1e-5)
    half = ops.rms_normalization(X.astype("float16"))
    check(half, (X / rms).astype("float16"), rtol=2e-3)


def test_batch_normalization_and_moments():
    mean, var = X.mean(0), X.var(0)
    offset, scale = np.full(4, 0.5, "float32"), np.full(4, 2.0, "float32")
    check(ops.batch_normalization(X, mean, var, axis=-1, offset=offset, scale=scale),
          (X - mean) / np.sqrt(var + 1e-3) * scale + offset, rtol=1e-5, atol=1e-5)
    check(ops.batch_normalization(X.T, mean, var, axis=0), ((X - mean) / np.sqrt(var + 1e-3)).T, atol=1e-5)
    check(ops.moments(X, axes=[0]), (mean, var), rtol=1e-5)
    big = np.full((8,), 30000.0, "float16")  # the sum overflows float16; the statistics do not
    check(ops.moments(big, axes=0), (np.float16(30000.0), np.float16(0.0)), dtype="float16")
    with pytest.raises(NotImplementedError, match="synchronized"):
        ops.moments(X, axes=0, synchronized=True)


def test_psnr_polar_hard_silu():
    y = X + np.array([0.5, -0.5, 0.25, 0.0], "float32")
    check(ops.psnr(X, y, 4.0), 20 * np.log10(4.0) - 10 * np.log10(np.mean((X - y) ** 2)), rtol=1e-5)
    with pytest.raises(ValueError, match="same shape"):
        ops.psnr(X, X[0], 1.0)
    check(ops.polar(np.array([2.0, 1.0]), np.array([0.0, np.pi / 2])), np.array([2.0, 1j]), dtype="complex64",
          atol=1e-6)
    z = np.linspace(-4, 4, 9).astype("float32")
    check(ops.hard_silu(z), z * np.clip(z + 3, 0, 6) / 6)
    check(ops.hard_swish(z), z * np.clip(z + 3, 0, 6) / 6)


def test_conv_transpose_output_padding():
    x, kernel = np.ones((1, 5, 5, 2), "float32"), np.ones((3, 3, 4, 2), "float32")
    assert ops.conv_transpose(x, kernel, 2, "same").shape == (1, 10, 10, 4)
    assert ops.conv_transpose(x, kernel, 2, "valid").shape == (1, 11, 11, 4)
    # (5 - 1) * 2 + 3 - 2 * 1 + 1 = 10 for "same"; + 0 for "valid" with output_padding 0: 11.
    assert ops.conv_transpose(x, kernel, 2, "same", output_padding=1).shape == (1, 10, 10, 4)
    assert ops.conv_transpose(x, kernel, 2, "valid", output_padding=(0, 1)).shape == (1, 11, 12, 4)


def test_normalization_gradients_match_finite_differences():
    gamma = np.array([1.0, 2.0, 0.5, -1.0], "float32")

    def loss(v):
        return ops.sum(ops.layer_normalization(v, gamma) ** 3) + ops.sum(ops.normalize(v, axis=0) ** 3)

    _, grad = backend.value_and_grad(loss)(X)
    numeric = finite_difference(lambda v: float(loss(v.astype("float32"))), X)
    np.testing.assert_allclose(grad, numeric, rtol=2e-2, atol=2e-2)
