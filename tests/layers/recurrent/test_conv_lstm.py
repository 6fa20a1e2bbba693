"""ConvLSTM1D/2D/3D against a NumPy convolutional LSTM written with explicit loops (channels last and first,
with masks), Keras's weight names and shapes, models, configs, `.keras` files, and one training run."""
import math

import numpy as np
import pytest

import kerax
from kerax import layers

RNG = np.random.default_rng(19)
SEQ1 = RNG.normal(size=(2, 3, 7, 2)).astype("float32")
SEQ2 = RNG.normal(size=(2, 3, 4, 5, 2)).astype("float32")
SEQ3 = RNG.normal(size=(1, 2, 3, 3, 4, 2)).astype("float32")


def np_conv(x, kernel, strides, padding):
    """x (batch, *spatial, in), kernel (*window, in, out); TensorFlow's "same" padding (smaller half
    first)."""
    window = kernel.shape[:-2]
    if padding == "same":
        pads = []
        for n, k, s in zip(x.shape[1:-1], window, strides):
            total = max((math.ceil(n / s) - 1) * s + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, [(0, 0), *pads, (0, 0)])
    out_shape = [(n - k) // s + 1 for n, k, s in zip(x.shape[1:-1], window, strides)]
    y = np.zeros((x.shape[0], *out_shape, kernel.shape[-1]))
    for position in np.ndindex(*out_shape):
        for offset in np.ndindex(*window):
            source = tuple(p * s + o for p, s, o in zip(position, strides, offset))
            y[(slice(None), *position)] += x[(slice(None), *source)] @ kernel[offset]
    return y


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def np_conv_lstm(layer, x, mask=None):
    channels_first = layer.data_format == "channels_first"
    if channels_first:
        x = np.moveaxis(x, 2, -1)
    kernel, recurrent, bias = layer.get_weights()
    h = c = None
    outputs = []
    for t in range(x.shape[1]):
        z = np_conv(x[:, t], kernel, layer.strides, layer.padding) + bias
        h = np.zeros(z.shape[:-1] + (layer.filters,)) if h is None else h
        c = np.zeros_like(h) if c is None else c
        z = z + np_conv(h, recurrent, (1,) * len(layer.strides), "same")
        z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)
        new_c = sigmoid(z_f) * c + sigmoid(z_i) * np.tanh(z_c)
        new_h = sigmoid(z_o) * np.tanh(new_c)
        keep = True if mask is None else mask[:, t].reshape((-1,) + (1,) * (h.ndim - 1))
        h, c = np.where(keep, new_h, h), np.where(keep, new_c, c)
        outputs.append(h)
    out = np.stack(outputs, axis=1) if layer.return_sequences else h
    return (np.moveaxis(out, -1, out.ndim - h.ndim + 1) if channels_first else out).astype("float32")


CASES = {
    "conv_lstm1d_strided": dict(make=lambda: layers.ConvLSTM1D(3, 3, strides=2), inputs=SEQ1,
                                reference=np_conv_lstm, atol=1e-4),
    "conv_lstm2d_same_sequences": dict(
        make=lambda: layers.ConvLSTM2D(2, (3, 2), padding="same", return_sequences=True), inputs=SEQ2,
        reference=np_conv_lstm, atol=1e-4),
    "conv_lstm3d_channels_first": dict(
        make=lambda: layers.ConvLSTM3D(2, 2, padding="same", data_format="channels_first"),
        inputs=np.moveaxis(SEQ3, -1, 2), reference=np_conv_lstm, atol=1e-4),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_masks_and_states():
    layer = layers.ConvLSTM2D(2, 3, padding="same", return_sequences=True, return_state=True)
    mask = np.array([[1, 1, 0], [1, 1, 1]], bool)
    output, h, c = layer(SEQ2, mask=mask)
    expected = np_conv_lstm(layer, SEQ2, mask)
    np.testing.assert_allclose(output, expected, atol=1e-4)
    np.testing.assert_allclose(h, expected[:, -1], atol=1e-4)  # masked last step: the state is kept
    assert c.shape == (2, 4, 5, 2)
    symbolic = layer(kerax.Input((3, 4, 5, 2)))
    assert [t.shape for t in symbolic] == [(None, 3, 4, 5, 2), (None, 4, 5, 2), (None, 4, 5, 2)]


def test_weights_config_and_errors():
    layer = layers.ConvLSTM2D(4, 3)
    layer.build((None, 2, 6, 6, 3))
    assert [(w.name, w.shape) for w in layer.weights] == [
        ("kernel", (3, 3, 3, 16)), ("recurrent_kernel", (3, 3, 4, 16)), ("bias", (16,))]
    np.testing.assert_array_equal(layer.get_weights()[2], [0] * 4 + [1] * 4 + [0] * 8)  # unit_forget_bias
    config = layer.get_config()
    assert "cell" not in config and config["filters"] == 4 and config["kernel_size"] == (3, 3)
    assert (layer.filters, layer.padding, layer.unit_forget_bias) == (4, "valid", True)
    with pytest.raises(TypeError, match=r"ConvLSTM2D\(\) missing required argument: 'kernel_size'"):
        layers.ConvLSTM2D(4)
    with pytest.raises(ValueError,
                       match=r"ConvLSTM1D: `strides` > 1 cannot be combined with `dilation_rate` > 1"):
        layers.ConvLSTM1D(2, 3, strides=2, dilation_rate=2)


def test_fit_under_compilation(rng):
    model = kerax.Sequential([
        kerax.Input((3, 5, 5, 1)),
        layers.ConvLSTM2D(2, 3, padding="same", recurrent_dropout=0.1, return_sequences=True),
        layers.TimeDistributed(layers.Flatten()), layers.Flatten(), layers.Dense(1),
    ])
    model.compile(optimizer="sgd", loss="mse")
    before = model.get_weights()
    history = model.fit(rng.normal(size=(4, 3, 5, 5, 1)), rng.normal(size=(4, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert all(not np.allclose(a, b) for a, b in zip(before, model.get_weights()))
