"""Conv1DTranspose, Conv3DTranspose, DepthwiseConv1D and SeparableConv1D (and their aliases): values against
the NumPy loops of conv_reference.py (channels last and first), Keras's weight names and shapes, models,
configs, `.keras` files, and one training run."""
import numpy as np
import pytest

import conv_reference as ref
import kerax
from kerax import layers

RNG = np.random.default_rng(3)
SEQ = RNG.normal(size=(2, 5, 3)).astype("float32")
VOL = RNG.normal(size=(1, 3, 4, 3, 2)).astype("float32")


def channels_first(x):
    return np.moveaxis(x, -1, 1)


def last_to_first(reference):
    """A channels_first reference from a channels_last one."""
    return lambda layer, x: channels_first(reference(layer, np.moveaxis(x, 1, -1)))


def transpose_length(n, k, s, d, padding, output_padding):
    """Keras's documented output length of a transposed convolution."""
    k = (k - 1) * d + 1
    if output_padding is None:
        return n * s if padding == "same" else n * s + max(k - s, 0)
    return (n - 1) * s + k - 2 * (k // 2 if padding == "same" else 0) + output_padding


def transpose_reference(layer, x):
    kernel, bias = layer.get_weights()
    lengths = [transpose_length(n, k, s, d, layer.padding, p) for n, k, s, d, p in zip(
        x.shape[1:-1], layer.kernel_size, layer.strides, layer.dilation_rate,
        layer.output_padding or [None] * 3)]
    return (ref.conv_transpose(x, kernel, layer.strides, layer.padding, lengths, layer.dilation_rate)
            + bias).astype("float32")


def depthwise_reference(layer, x):
    kernel, bias = layer.get_weights()
    return (ref.depthwise_conv(x, kernel, layer.strides, layer.padding, layer.dilation_rate) + bias
            ).astype("float32")


def separable_reference(layer, x):
    depthwise, pointwise, bias = layer.get_weights()
    mid = ref.depthwise_conv(x, depthwise, layer.strides, layer.padding, layer.dilation_rate)
    return (ref.conv(mid, pointwise, 1) + bias).astype("float32")


CASES = {
    "conv1d_transpose": dict(make=lambda: layers.Conv1DTranspose(4, 3, strides=2), inputs=SEQ,
                             reference=transpose_reference),
    "conv1d_transpose_same_output_padding": dict(
        make=lambda: layers.Convolution1DTranspose(2, 4, strides=3, padding="same", output_padding=1),
        inputs=SEQ, reference=transpose_reference),
    "conv1d_transpose_channels_first": dict(
        make=lambda: layers.Conv1DTranspose(2, 3, dilation_rate=2, data_format="channels_first"),
        inputs=channels_first(SEQ), reference=last_to_first(transpose_reference)),
    "conv3d_transpose": dict(make=lambda: layers.Conv3DTranspose(2, (2, 3, 1), strides=(1, 2, 2),
                                                                 padding="same"),
                             inputs=VOL, reference=transpose_reference),
    "conv3d_transpose_channels_first": dict(
        make=lambda: layers.Convolution3DTranspose(3, 2, strides=2, data_format="channels_first"),
        inputs=channels_first(VOL), reference=last_to_first(transpose_reference)),
    "depthwise_conv1d": dict(make=lambda: layers.DepthwiseConv1D(3, depth_multiplier=2, padding="same"),
                             inputs=SEQ, reference=depthwise_reference),
    "depthwise_conv1d_channels_first": dict(
        make=lambda: layers.DepthwiseConv1D(2, strides=2, data_format="channels_first"),
        inputs=channels_first(SEQ), reference=last_to_first(depthwise_reference)),
    "separable_conv1d": dict(make=lambda: layers.SeparableConv1D(4, 3, depth_multiplier=2, dilation_rate=2),
                             inputs=SEQ, reference=separable_reference),
    "separable_conv1d_channels_first": dict(
        make=lambda: layers.SeparableConvolution1D(2, 2, padding="same", data_format="channels_first"),
        inputs=channels_first(SEQ), reference=last_to_first(separable_reference)),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


@pytest.mark.parametrize("layer, input_shape, weights", [
    (layers.Conv1DTranspose(4, 3), (None, 5, 3), [("kernel", (3, 4, 3)), ("bias", (4,))]),
    (layers.Conv3DTranspose(4, 2, data_format="channels_first"), (None, 2, 3, 4, 5),
     [("kernel", (2, 2, 2, 4, 2)), ("bias", (4,))]),
    (layers.DepthwiseConv1D(3, depth_multiplier=2), (None, 5, 3), [("kernel", (3, 3, 2)), ("bias", (6,))]),
    (layers.SeparableConv1D(4, 3, depth_multiplier=2), (None, 5, 3),
     [("depthwise_kernel", (3, 3, 2)), ("pointwise_kernel", (1, 6, 4)), ("bias", (4,))]),
], ids=["conv1d_transpose", "conv3d_transpose", "depthwise_conv1d", "separable_conv1d"])
def test_keras_weight_names_and_shapes(layer, input_shape, weights):
    layer.build(input_shape)
    assert [(w.name, w.shape) for w in layer.weights] == weights


def test_keras_config_keys():
    assert list(layers.Conv3DTranspose(2, 2).get_config())[3:] == [
        "filters", "kernel_size", "strides", "padding", "data_format", "dilation_rate", "activation",
        "use_bias",
        "kernel_initializer", "bias_initializer", "kernel_regularizer", "bias_regularizer",
        "activity_regularizer", "kernel_constraint", "bias_constraint", "output_padding"]
    depthwise = layers.DepthwiseConv1D(3).get_config()
    assert "filters" not in depthwise and depthwise["depthwise_initializer"]["class_name"] == "GlorotUniform"
    assert layers.SeparableConv1D(2, 3).get_config()["pointwise_initializer"]["class_name"] == "GlorotUniform"


def test_argument_errors():
    with pytest.raises(ValueError, match=r"Conv1DTranspose: `padding` must be one of \['valid', 'same'\]"):
        layers.Conv1DTranspose(2, 3, padding="causal")
    with pytest.raises(ValueError, match=r"DepthwiseConv1D: `padding` must be one of"):
        layers.DepthwiseConv1D(3, padding="causal")
    with pytest.raises(ValueError,
                       match=r"Conv3DTranspose: `strides` > 1 cannot be combined with `dilation_rate`"):
        layers.Conv3DTranspose(2, 3, strides=2, dilation_rate=2)
    with pytest.raises(ValueError, match=r"Conv1DTranspose: `output_padding` must be smaller than `strides`"):
        layers.Conv1DTranspose(2, 3, output_padding=1)
    with pytest.raises(ValueError, match=r"SeparableConv1D: `depth_multiplier` must be a positive integer"):
        layers.SeparableConv1D(2, 3, depth_multiplier=0)


def test_aliases():
    assert layers.Convolution1DTranspose is layers.Conv1DTranspose
    assert layers.Convolution3DTranspose is layers.Conv3DTranspose
    assert layers.SeparableConvolution1D is layers.SeparableConv1D


def test_fit_under_compilation(rng):
    sequences = kerax.Input((6, 2))
    hidden = layers.SeparableConv1D(3, 3, padding="same", activation="relu")(sequences)
    hidden = layers.DepthwiseConv1D(2, depth_multiplier=2)(hidden)
    hidden = layers.Conv1DTranspose(2, 2, strides=2, data_format="channels_first")(hidden)
    volumes = kerax.Input((2, 3, 2, 1))
    volume = layers.Conv3DTranspose(2, 2, strides=2, padding="same")(volumes)
    outputs = layers.Concatenate()([layers.Flatten()(hidden), layers.Flatten()(volume)])
    model = kerax.Model([sequences, volumes], layers.Dense(1)(outputs))
    model.compile(optimizer="sgd", loss="mse")
    x = [rng.normal(size=(4, 6, 2)), rng.normal(size=(4, 2, 3, 2, 1))]
    before = [w.copy() for w in model.get_weights()]
    history = model.fit(x, rng.normal(size=(4, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert all(not np.allclose(a, b) for a, b in zip(before, model.get_weights()) if a.ndim > 1)
