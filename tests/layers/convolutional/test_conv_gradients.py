"""Gradients of the convolutions (on CPU: the im2col custom VJP) with respect to the kernel and the input,
against central finite differences of the float64 NumPy reference."""
import numpy as np
import pytest

import conv_reference as ref
import kerax
from kerax import layers, ops


def _finite_differences(fn, value, eps=1e-3):
    grad = np.zeros_like(value)
    for index in np.ndindex(*value.shape):
        shifted = []
        for sign in (1, -1):
            moved = value.copy()
            moved[index] += sign * eps
            shifted.append(fn(moved))
        grad[index] = (shifted[0] - shifted[1]) / (2 * eps)
    return grad


def _conv_reference(layer):
    return lambda x, k: ref.conv(x, k, layer.strides, layer.padding, layer.dilation_rate, layer.groups)


def _depthwise_reference(layer):
    return lambda x, k: ref.depthwise_conv(x, k, layer.strides, layer.padding, layer.dilation_rate)


# name: (layer, channels_last input shape, reference)
CASES = {
    "valid": (lambda: layers.Conv2D(3, (3, 2)), (2, 5, 4, 2), _conv_reference),
    "strided_same_odd": (lambda: layers.Conv2D(2, 3, strides=2, padding="same"), (1, 5, 5, 2),
                         _conv_reference),
    "strided_valid_dropped_rows": (lambda: layers.Conv2D(2, 2, strides=(2, 3)), (1, 6, 7, 2),
                                   _conv_reference),
    "dilated_same": (lambda: layers.Conv2D(2, 3, dilation_rate=2, padding="same"), (1, 5, 6, 2),
                     _conv_reference),
    "groups": (lambda: layers.Conv2D(4, 3, groups=2, strides=2, padding="same"), (1, 5, 4, 4),
               _conv_reference),
    "channels_first": (lambda: layers.Conv2D(2, 3, padding="same", data_format="channels_first"),
                       (1, 4, 5, 2), _conv_reference),
    "depthwise": (lambda: layers.DepthwiseConv2D(2, depth_multiplier=2, strides=2, padding="same"),
                  (1, 5, 4, 2), _depthwise_reference),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_conv_gradients_match_finite_differences(case, rng):
    make_layer, shape, make_reference = CASES[case]
    layer = make_layer()
    layout = (lambda a: a.transpose(0, 3, 1, 2)) if layer.data_format == "channels_first" else (lambda a: a)
    x = rng.normal(size=shape)
    layer.build(layout(x).shape)
    kernel = rng.normal(size=layer.kernel.shape)
    layer.kernel.assign(kernel.astype("float32"))
    reference = make_reference(layer)
    weights = rng.normal(size=reference(x, kernel).shape)
    weights32 = layout(weights).astype("float32")

    def gradients(x):
        _, (kernel_grad,) = kerax.value_and_grad(lambda: ops.sum(layer(x) * weights32), [layer.kernel])
        _, input_grad = kerax.backend.value_and_grad(lambda v: ops.sum(layer(v) * weights32))(x)
        return kernel_grad, input_grad

    kernel_grad, input_grad = kerax.backend.jit(gradients)(layout(x).astype("float32"))
    expected_kernel = _finite_differences(lambda k: np.sum(reference(x, k) * weights), kernel)
    expected_input = _finite_differences(lambda v: np.sum(reference(v, kernel) * weights), x)
    np.testing.assert_allclose(np.asarray(kernel_grad), expected_kernel, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(np.asarray(input_grad), layout(expected_input), rtol=1e-4, atol=1e-4)
