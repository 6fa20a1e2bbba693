"""tf.keras 2's K shape functions: values against NumPy, data formats, errors."""
import numpy as np
import pytest

import kerax
from kerax import backend as K

X = np.arange(24, dtype="float32").reshape(2, 3, 4)


def test_shape_queries():
    assert K.int_shape(X) == (2, 3, 4) and K.ndim(X) == 3 and K.dtype(K.variable(X)) == "float32"
    assert K.int_shape(kerax.Input((5,))) == (None, 5)
    assert K.is_sparse(X) is False and K.to_dense(X) is X


@pytest.mark.parametrize("call, expected", [
    (lambda: K.reshape(X, (4, 6)), X.reshape(4, 6)),
    (lambda: K.permute_dimensions(X, (2, 0, 1)), X.transpose(2, 0, 1)),
    (lambda: K.transpose(X), X.T),
    (lambda: K.expand_dims(X), X[..., None]),
    (lambda: K.squeeze(X[:, :1], 1), X[:, 0]),
    (lambda: K.flatten(X), X.reshape(-1)),
    (lambda: K.batch_flatten(X), X.reshape(2, 12)),
    (lambda: K.concatenate([X, X]), np.concatenate([X, X], -1)),
    (lambda: K.stack([X, X], axis=1), np.stack([X, X], 1)),
    (lambda: K.tile(X, (1, 2, 1)), np.tile(X, (1, 2, 1))),
    (lambda: K.repeat(X[0], 2), np.stack([X[0], X[0]], 1)),
    (lambda: K.repeat_elements(X, 2, axis=1), np.repeat(X, 2, axis=1)),
    (lambda: K.reverse(X, [0, 2]), X[::-1, :, ::-1]),
    (lambda: K.gather(X, [1, 0, 1]), X[[1, 0, 1]]),
    (lambda: K.one_hot(np.array([[0, 2]]), 3), np.eye(3, dtype="float32")[[[0, 2]]]),
    (lambda: K.arange(5), np.arange(5)),
    (lambda: K.arange(-3), np.arange(0)),
    (lambda: K.arange(1, 7, 2, dtype="float32"), np.arange(1.0, 7.0, 2.0)),
])
def test_shape_functions(call, expected):
    out = call()
    assert K.int_shape(out) == expected.shape
    np.testing.assert_array_equal(out, expected)


def test_padding():
    np.testing.assert_array_equal(K.temporal_padding(X, (2, 1)), np.pad(X, ((0, 0), (2, 1), (0, 0))))
    images = np.ones((1, 2, 3, 4), "float32")
    np.testing.assert_array_equal(K.spatial_2d_padding(images, ((1, 0), (0, 2)), "channels_first"),
                                  np.pad(images, ((0, 0), (0, 0), (1, 0), (0, 2))))
    assert K.int_shape(K.spatial_2d_padding(images)) == (1, 4, 5, 4)  # channels_last by default
    assert K.int_shape(K.spatial_3d_padding(np.ones((1, 2, 2, 2, 3)))) == (1, 4, 4, 4, 3)
    with pytest.raises(ValueError, match="Unknown data_format: 'nhwc'"):
        K.spatial_2d_padding(images, data_format="nhwc")


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_resize_repeats_pixels(data_format):
    images = np.arange(8, dtype="float32").reshape(1, 2, 2, 2)
    rows = 1 if data_format == "channels_last" else 2
    expected = np.repeat(np.repeat(images, 2, rows), 3, rows + 1)
    np.testing.assert_array_equal(K.resize_images(images, 2, 3, data_format), expected)
    volumes = images[:, None] if data_format == "channels_last" else images[:, :, None]
    first = 1 if data_format == "channels_last" else 2
    expected = np.repeat(np.repeat(np.repeat(volumes, 2, first), 1, first + 1), 3, first + 2)
    np.testing.assert_array_equal(K.resize_volumes(volumes, 2, 1, 3, data_format), expected)


def test_bilinear_resize_keeps_constant_images():
    out = K.resize_images(np.ones((1, 2, 2, 1), "float32"), 2, 2, "channels_last", interpolation="bilinear")
    np.testing.assert_allclose(out, np.ones((1, 4, 4, 1)))


def test_ctc_label_dense_to_sparse():
    sparse = K.ctc_label_dense_to_sparse(np.array([[1, 2, 0], [3, 0, 0]]), np.array([2, 1]))
    np.testing.assert_array_equal(sparse.indices, [[0, 0], [0, 1], [1, 0]])
    np.testing.assert_array_equal(sparse.values, [1, 2, 3])
    np.testing.assert_array_equal(sparse.dense_shape, [2, 3])
