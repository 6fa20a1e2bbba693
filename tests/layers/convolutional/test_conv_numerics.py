"""Forward outputs of the convolution layers against the NumPy loop references in conv_reference.py."""
import numpy as np
import pytest

import conv_reference as ref
from kerax import layers


def _set_random_weights(layer, input_shape, rng):
    layer.build(input_shape)
    values = [rng.normal(size=w.shape).astype("float32") for w in layer.weights]
    for w, value in zip(layer.weights, values):
        w.assign(value)
    return values


CASES = {
    "conv1d": (layers.Conv1D, dict(filters=4, kernel_size=3), (2, 9, 3)),
    "conv1d_strided_same_odd": (layers.Conv1D, dict(filters=4, kernel_size=4, strides=2, padding="same"),
                                (2, 7, 3)),
    "conv1d_causal_dilated": (layers.Conv1D, dict(filters=2, kernel_size=3, padding="causal",
                                                  dilation_rate=2), (2, 8, 3)),
    "conv2d": (layers.Conv2D, dict(filters=4, kernel_size=(3, 2)), (2, 6, 5, 3)),
    "conv2d_strided_same_odd": (layers.Conv2D, dict(filters=3, kernel_size=3, strides=2, padding="same"),
                                (2, 7, 7, 2)),
    "conv2d_even_kernel_same": (layers.Conv2D, dict(filters=3, kernel_size=(2, 4), strides=(1, 3),
                                                    padding="same"), (1, 5, 8, 2)),
    "conv2d_dilated": (layers.Conv2D, dict(filters=3, kernel_size=3, dilation_rate=2, padding="same"),
                       (2, 7, 6, 2)),
    "conv2d_groups": (layers.Conv2D, dict(filters=4, kernel_size=3, groups=2, padding="same"), (2, 5, 5, 4)),
    "conv3d_strided_same": (layers.Conv3D, dict(filters=2, kernel_size=3, strides=(1, 2, 2), padding="same"),
                            (1, 3, 5, 4, 2)),
    "conv3d_groups_dilated": (layers.Conv3D, dict(filters=4, kernel_size=2, groups=2,
                                                  dilation_rate=(1, 2, 1)), (1, 3, 5, 3, 2)),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_conv_matches_numpy_loops(case, rng):
    cls, kwargs, shape = CASES[case]
    layer = cls(**kwargs)
    x = rng.normal(size=shape).astype("float32")
    kernel, bias = _set_random_weights(layer, shape, rng)
    expected = ref.conv(x, kernel, layer.strides, kwargs.get("padding", "valid"), layer.dilation_rate,
                        kwargs.get("groups", 1)) + bias
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(shape)
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("cls, kwargs, shape", [
    (layers.Conv1D, dict(filters=3, kernel_size=2, strides=2, padding="same"), (2, 5, 3)),
    (layers.Conv1D, dict(filters=3, kernel_size=3, padding="causal"), (2, 5, 3)),
    (layers.Conv2D, dict(filters=3, kernel_size=3, padding="same"), (2, 4, 5, 2)),
    (layers.Conv3D, dict(filters=2, kernel_size=2), (1, 3, 3, 4, 2)),
], ids=["1d", "1d_causal", "2d", "3d"])
def test_channels_first_is_channels_last_transposed(cls, kwargs, shape, rng):
    layer = cls(data_format="channels_first", activation="relu", **kwargs)
    x_last = rng.normal(size=shape).astype("float32")
    to_first = (0, x_last.ndim - 1, *range(1, x_last.ndim - 1))
    x = x_last.transpose(to_first)
    kernel, bias = _set_random_weights(layer, x.shape, rng)
    expected = np.maximum(ref.conv(x_last, kernel, layer.strides, layer.padding) + bias, 0)
    expected = expected.transpose(to_first)
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(x.shape)
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)


TRANSPOSE_CASES = {
    "valid_strided": (dict(kernel_size=3, strides=2), (2, 3, 4, 2)),
    "valid_stride_above_kernel": (dict(kernel_size=2, strides=3), (1, 3, 2, 2)),
    "same_strided": (dict(kernel_size=3, strides=2, padding="same"), (2, 3, 4, 2)),
    "same_even_kernel": (dict(kernel_size=(4, 2), strides=(2, 3), padding="same"), (1, 3, 3, 2)),
    "same_dilated": (dict(kernel_size=3, dilation_rate=2, padding="same"), (1, 5, 4, 2)),
    "same_output_padding": (dict(kernel_size=3, strides=2, padding="same", output_padding=1), (1, 3, 4, 2)),
    "valid_output_padding": (dict(kernel_size=3, strides=3, output_padding=(2, 1)), (1, 2, 3, 2)),
}


@pytest.mark.parametrize("case", TRANSPOSE_CASES, ids=list(TRANSPOSE_CASES))
def test_conv2d_transpose_matches_scatter_add(case, rng):
    kwargs, shape = TRANSPOSE_CASES[case]
    layer = layers.Conv2DTranspose(filters=3, **kwargs)
    x = rng.normal(size=shape).astype("float32")
    kernel, bias = _set_random_weights(layer, shape, rng)
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(shape)
    expected = ref.conv_transpose(x, kernel, layer.strides, layer.padding, y.shape[1:3], layer.dilation_rate)
    expected += bias
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)


def test_conv2d_transpose_same_is_the_transpose_of_a_same_conv(rng):
    """The defining property: Conv2DTranspose(strides=s, padding="same") maps n -> n * s and is the transposed
    linear map of a same-padded stride-s Conv2D from n * s -> n with the same kernel."""
    layer = layers.Conv2DTranspose(filters=2, kernel_size=3, strides=2, padding="same", use_bias=False)
    (kernel,) = _set_random_weights(layer, (1, 3, 2, 3), rng)
    conv_kernel = kernel  # (rows, cols, out=2, in=3) read as a forward kernel from 2 to 3 channels
    basis = np.eye(6 * 4 * 2).reshape(-1, 1, 6, 4, 2)
    dense = np.stack([ref.conv(b, conv_kernel, 2, "same").ravel() for b in basis], axis=1)  # (3*2*3, 6*4*2)
    x = rng.normal(size=(1, 3, 2, 3)).astype("float32")
    expected = (dense.T @ x.ravel()).reshape(1, 6, 4, 2)
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-4, atol=1e-4)


def test_conv2d_transpose_channels_first(rng):
    layer = layers.Conv2DTranspose(2, 3, strides=2, padding="same", data_format="channels_first")
    x_last = rng.normal(size=(2, 3, 4, 3)).astype("float32")
    kernel, bias = _set_random_weights(layer, (2, 3, 3, 4), rng)
    y = np.asarray(layer(x_last.transpose(0, 3, 1, 2)))
    assert y.shape == (2, 2, 6, 8) == layer.compute_output_shape((2, 3, 3, 4))
    expected = ref.conv_transpose(x_last, kernel, 2, "same", (6, 8)) + bias
    np.testing.assert_allclose(y, expected.transpose(0, 3, 1, 2), rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("kwargs", [dict(), dict(strides=2, padding="same"), dict(dilation_rate=2)],
                         ids=["valid", "strided_same", "dilated"])
def test_depthwise_conv2d_matches_numpy(kwargs, rng):
    layer = layers.DepthwiseConv2D(3, depth_multiplier=2, **kwargs)
    x = rng.normal(size=(2, 7, 6, 3)).astype("float32")
    kernel, bias = _set_random_weights(layer, x.shape, rng)
    assert kernel.shape == (3, 3, 3, 2)
    y = np.asarray(layer(x))
    expected = ref.depthwise_conv(x, kernel, layer.strides, layer.padding, layer.dilation_rate) + bias
    assert y.shape == layer.compute_output_shape(x.shape)
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)


def test_separable_conv2d_matches_numpy(rng):
    layer = layers.SeparableConv2D(4, 3, strides=2, padding="same", depth_multiplier=2)
    x = rng.normal(size=(2, 5, 6, 3)).astype("float32")
    depthwise, pointwise, bias = _set_random_weights(layer, x.shape, rng)
    assert (depthwise.shape, pointwise.shape) == ((3, 3, 3, 2), (1, 1, 6, 4))
    expected = ref.depthwise_conv(x, depthwise, 2, "same") @ pointwise[0, 0] + bias
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(x.shape) == (2, 3, 3, 4)
    np.testing.assert_allclose(y, expected, rtol=1e-4, atol=1e-4)


def test_depthwise_and_separable_channels_first(rng):
    x_last = rng.normal(size=(2, 5, 4, 2)).astype("float32")
    x = x_last.transpose(0, 3, 1, 2)
    depthwise = layers.DepthwiseConv2D(3, depth_multiplier=2, padding="same", data_format="channels_first")
    kernel, bias = _set_random_weights(depthwise, x.shape, rng)
    expected = ref.depthwise_conv(x_last, kernel, 1, "same") + bias
    np.testing.assert_allclose(np.asarray(depthwise(x)), expected.transpose(0, 3, 1, 2), rtol=1e-4, atol=1e-4)

    separable = layers.SeparableConv2D(3, 2, strides=2, data_format="channels_first")
    depthwise_kernel, pointwise, bias = _set_random_weights(separable, x.shape, rng)
    expected = ref.depthwise_conv(x_last, depthwise_kernel, 2) @ pointwise[0, 0] + bias
    y = np.asarray(separable(x))
    assert y.shape == separable.compute_output_shape(x.shape) == (2, 3, 2, 2)
    np.testing.assert_allclose(y, expected.transpose(0, 3, 1, 2), rtol=1e-4, atol=1e-4)


def test_integer_images_are_promoted_to_the_kernel_dtype(rng):
    """uint8 images go straight into a Conv2D, as they do into a Dense (NumPy promotion to float32)."""
    x = rng.integers(0, 256, size=(2, 5, 5, 1)).astype("uint8")
    conv = layers.Conv2D(2, 3)
    kernel, bias = _set_random_weights(conv, x.shape, rng)
    y = conv(x)
    assert y.dtype == "float32"
    np.testing.assert_allclose(np.asarray(y), ref.conv(x.astype("float64"), kernel, 1) + bias, rtol=1e-4)
    transpose = layers.Conv2DTranspose(2, 2, strides=2, use_bias=False)
    (kernel,) = _set_random_weights(transpose, x.shape, rng)
    np.testing.assert_allclose(np.asarray(transpose(x)), ref.conv_transpose(x.astype("float64"), kernel, 2,
                                                                             "valid", (10, 10)), rtol=1e-4)
