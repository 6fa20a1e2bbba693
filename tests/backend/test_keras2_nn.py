"""tf.keras 2's K activations, cross-entropies, normalization and convolutions against NumPy formulas."""
import numpy as np
import pytest

from kerax import backend as K

EPS = 1e-7
Z = np.array([[-3.0, -0.5, 0.0, 0.5, 2.0, 8.0]], dtype="float32")


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


@pytest.mark.parametrize("kwargs", [{}, {"alpha": 0.1}, {"max_value": 6.0}, {"threshold": 1.0},
                                    {"alpha": 0.1, "max_value": 6.0, "threshold": 1.0}])
def test_relu(kwargs):
    alpha, threshold = kwargs.get("alpha", 0.0), kwargs.get("threshold", 0.0)
    max_value = kwargs.get("max_value")
    expected = np.where(Z > threshold, Z, alpha * (Z - threshold))
    expected = np.minimum(expected, max_value) if max_value is not None else expected
    np.testing.assert_allclose(K.relu(Z, **kwargs), expected, rtol=1e-6)


@pytest.mark.parametrize("name, formula", [
    ("elu", lambda z: np.where(z > 0, z, np.exp(z) - 1)),
    ("hard_sigmoid", lambda z: np.clip(0.2 * z + 0.5, 0, 1)),  # tf.keras 2's slope, not Keras 3's 1/6
    ("sigmoid", _sigmoid), ("tanh", np.tanh), ("softplus", lambda z: np.log1p(np.exp(z))),
    ("softsign", lambda z: z / (1 + np.abs(z))),
    ("softmax", lambda z: np.exp(z) / np.exp(z).sum(-1, keepdims=True)),
])
def test_activations(name, formula):
    np.testing.assert_allclose(getattr(K, name)(Z), formula(Z), rtol=1e-5, atol=1e-7)


def test_elu_alpha_and_softmax_errors():
    np.testing.assert_allclose(K.elu(Z, alpha=0.5), np.where(Z > 0, Z, 0.5 * (np.exp(Z) - 1)), rtol=1e-6)
    with pytest.raises(ValueError, match="Cannot apply softmax to a tensor that is 1D"):
        K.softmax(Z[0])


def test_crossentropies():
    p = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]], "float32")
    onehot = np.array([[1.0, 0, 0], [0, 0, 1.0]], "float32")
    np.testing.assert_allclose(K.categorical_crossentropy(onehot, p), -np.log([0.7, 0.8]), rtol=1e-5)
    logits = np.log(p) + 1.5
    np.testing.assert_allclose(K.categorical_crossentropy(onehot, logits, from_logits=True),
                               -np.log([0.7, 0.8]), rtol=1e-5)
    np.testing.assert_allclose(K.sparse_categorical_crossentropy(np.array([0, 2]), p), -np.log([0.7, 0.8]),
                               rtol=1e-5)
    np.testing.assert_allclose(K.sparse_categorical_crossentropy(np.array([0, 2]), p, ignore_class=2),
                               [-np.log(0.7), 0.0], rtol=1e-5)
    t, q = np.array([1.0, 0.0, 1.0], "float32"), np.array([0.9, 0.2, 1.0], "float32")
    clipped = np.clip(q, EPS, 1 - EPS)
    bce = -(t * np.log(clipped + EPS) + (1 - t) * np.log(1 - clipped + EPS))
    np.testing.assert_allclose(K.binary_crossentropy(t, q), bce, rtol=1e-4)
    x = np.array([2.0, -1.0, 0.5], "float32")
    np.testing.assert_allclose(K.binary_crossentropy(t, x, from_logits=True),
                               -(t * np.log(_sigmoid(x)) + (1 - t) * np.log(1 - _sigmoid(x))), rtol=1e-5)
    with pytest.raises(ValueError, match="same shape"):
        K.categorical_crossentropy(onehot, p[:, :2])


def test_focal_crossentropies():
    t, q = np.array([1.0, 0.0], "float32"), np.array([0.9, 0.2], "float32")
    p_t = t * q + (1 - t) * (1 - q)
    bce = -(t * np.log(q + EPS) + (1 - t) * np.log(1 - q + EPS))
    np.testing.assert_allclose(K.binary_focal_crossentropy(t, q, gamma=2.0), (1 - p_t) ** 2 * bce, rtol=1e-4)
    weight = t * 0.25 + (1 - t) * 0.75
    np.testing.assert_allclose(K.binary_focal_crossentropy(t, q, apply_class_balancing=True),
                               weight * (1 - p_t) ** 2 * bce, rtol=1e-4)
    onehot, p = np.array([[0.0, 1.0]], "float32"), np.array([[0.3, 0.7]], "float32")
    np.testing.assert_allclose(K.categorical_focal_crossentropy(onehot, p), [0.25 * 0.3 ** 2 * -np.log(0.7)],
                               rtol=1e-5)


def test_normalization_and_l2(rng):
    x = rng.random((4, 3)).astype("float32")
    gamma, beta = np.array([1.0, 2.0, 3.0], "float32"), np.array([0.5, 0.0, -1.0], "float32")
    normed, mean, var = K.normalize_batch_in_training(x, gamma, beta, [0], epsilon=1e-3)
    np.testing.assert_allclose(mean, x.mean(0), rtol=1e-5)
    np.testing.assert_allclose(var, x.var(0), rtol=1e-4)
    np.testing.assert_allclose(normed, (x - x.mean(0)) / np.sqrt(x.var(0) + 1e-3) * gamma + beta, rtol=1e-4,
                               atol=1e-5)
    images = rng.random((2, 3, 2, 2)).astype("float32")
    out = K.batch_normalization(images, gamma * 0, gamma, beta, None, axis=1, epsilon=0.0)
    np.testing.assert_allclose(out, images / np.sqrt(gamma)[None, :, None, None] + beta[None, :, None, None],
                               rtol=1e-5)
    np.testing.assert_allclose(K.l2_normalize(x, axis=1), x / np.linalg.norm(x, axis=1, keepdims=True),
                               rtol=1e-5)


def test_bias_add_and_dropout_and_in_top_k():
    bias = np.array([1.0, 2.0, 3.0], "float32")
    np.testing.assert_array_equal(K.bias_add(np.zeros((1, 2, 2, 3)), bias),
                                  np.broadcast_to(bias, (1, 2, 2, 3)))
    np.testing.assert_array_equal(K.bias_add(np.zeros((1, 3, 2)), bias, "channels_first"),
                                  np.broadcast_to(bias[:, None], (1, 3, 2)))
    with pytest.raises(ValueError, match="Unexpected bias dimensions 2, expect to be 1 or 3 dimensions"):
        K.bias_add(np.zeros((1, 2, 2, 3)), np.zeros((2, 3)))
    dropped = np.asarray(K.dropout(np.ones((200,), "float32"), 0.25, seed=3))
    assert set(np.unique(dropped)) <= {0.0, np.float32(1 / 0.75)} and 0.1 < (dropped == 0).mean() < 0.4
    top = K.in_top_k(np.array([[0.1, 0.9], [0.8, 0.2]]), np.array([1, 1]), 1)
    np.testing.assert_array_equal(top, [True, False])


def _correlate(x, kernel, stride=1):
    """Valid 2-d cross-correlation, channels_last: x (b, h, w, c), kernel (kh, kw, c, f)."""
    kh, kw = kernel.shape[:2]
    rows, cols = (x.shape[1] - kh) // stride + 1, (x.shape[2] - kw) // stride + 1
    out = np.zeros((x.shape[0], rows, cols, kernel.shape[-1]), "float32")
    for i in range(rows):
        for j in range(cols):
            patch = x[:, i * stride:i * stride + kh, j * stride:j * stride + kw]
            out[:, i, j] = np.tensordot(patch, kernel, axes=3)
    return out


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_conv2d_and_pool2d(rng, data_format):
    x, kernel = rng.random((1, 5, 5, 2)).astype("float32"), rng.random((3, 3, 2, 4)).astype("float32")
    expected = _correlate(x, kernel, stride=2)
    to_format = (lambda t: t) if data_format == "channels_last" else (lambda t: t.transpose(0, 3, 1, 2))
    out = K.conv2d(to_format(x), kernel, strides=(2, 2), data_format=data_format)
    np.testing.assert_allclose(out, to_format(expected), rtol=1e-5)
    pooled = K.pool2d(to_format(x), (2, 2), (2, 2), data_format=data_format, pool_mode="avg")
    averages = x[:, :4, :4].reshape(1, 2, 2, 2, 2, 2).mean((2, 4))
    np.testing.assert_allclose(pooled, to_format(averages), rtol=1e-5)
    with pytest.raises(ValueError, match="Invalid pooling mode: 'sum'"):
        K.pool2d(x, (2, 2), pool_mode="sum")


def test_conv1d_causal_and_conv2d_transpose_shape(rng):
    x, kernel = rng.random((1, 4, 1)).astype("float32"), np.array([[[1.0]], [[10.0]]], "float32")
    # causal: output t sees x[t-1] * 1 + x[t] * 10, with zeros before the start
    expected = 10 * x[0, :, 0] + np.concatenate([[0.0], x[0, :-1, 0]])
    np.testing.assert_allclose(K.conv1d(x, kernel, padding="causal")[0, :, 0], expected, rtol=1e-5)
    x, kernel = rng.random((1, 3, 3, 2)).astype("float32"), rng.random((3, 3, 4, 2)).astype("float32")
    expected = np.zeros((1, 7, 7, 4), "float32")  # each input pixel scatters kernel * value, stride 2 apart
    for i in range(3):
        for j in range(3):
            expected[0, 2 * i:2 * i + 3, 2 * j:2 * j + 3] += kernel @ x[0, i, j]
    out = K.conv2d_transpose(x, kernel, (1, 7, 7, 4), strides=(2, 2))
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert K.int_shape(K.conv2d_transpose(np.ones((1, 3, 3, 2)), np.ones((3, 3, 4, 2)), (1, 6, 6, 4), (2, 2),
                                          "same")) == (1, 6, 6, 4)


def test_depthwise_separable_and_local_conv(rng):
    x = rng.random((1, 4, 4, 2)).astype("float32")
    depthwise = rng.random((3, 3, 2, 1)).astype("float32")
    pointwise = rng.random((1, 1, 2, 3)).astype("float32")
    per_channel = np.stack([_correlate(x[..., c:c + 1], depthwise[:, :, c:c + 1])[..., 0] for c in range(2)],
                           -1)
    np.testing.assert_allclose(K.depthwise_conv2d(x, depthwise), per_channel, rtol=1e-5)
    np.testing.assert_allclose(K.separable_conv2d(x, depthwise, pointwise), per_channel @ pointwise[0, 0],
                               rtol=1e-5)
    kernel = rng.random((9, 2 * 2 * 2, 3)).astype("float32")  # one kernel per output position
    out = np.asarray(K.local_conv2d(x, kernel, (2, 2), (1, 1), (3, 3)))
    for i in range(3):
        for j in range(3):
            window = x[:, i:i + 2, j:j + 2].reshape(1, -1)
            np.testing.assert_allclose(out[:, i, j], window @ kernel[i * 3 + j], rtol=1e-5)
    kernel1d = rng.random((3, 2 * 2, 5)).astype("float32")
    seq = x[:, 0]
    out1d = np.asarray(K.local_conv1d(seq, kernel1d, (2,), (1,)))
    np.testing.assert_allclose(out1d[:, 1], seq[:, 1:3].reshape(1, -1) @ kernel1d[1], rtol=1e-5)
