"""LocallyConnected1D/2D (tf.keras, implementation 1) against a NumPy unshared convolution with explicit loops
(channels last and first, tf.keras's kernel and bias layouts), models, configs, `.keras` files, training."""
import numpy as np
import pytest

import kerax
from kerax import layers

RNG = np.random.default_rng(23)
SEQ = RNG.normal(size=(2, 6, 3)).astype("float32")
IMG = RNG.normal(size=(2, 4, 5, 2)).astype("float32")


def np_locally_connected(layer, x):
    """out[b, *p, f] = sum over the window at p of x * kernel[p], the window flattened in the input's axis
    order; the bias is tf.keras's (*positions, filters) array (for channels first reshaped, not
    transposed)."""
    kernel, bias = layer.get_weights()
    first = layer.data_format == "channels_first"
    lengths = bias.shape[:-1]
    out = np.zeros((x.shape[0], *lengths, layer.filters))
    for index, position in enumerate(np.ndindex(*lengths)):
        window = tuple(slice(p * s, p * s + k) for p, s, k in zip(position, layer.strides, layer.kernel_size))
        patch = x[(slice(None), slice(None), *window)] if first else x[(slice(None), *window)]
        out[(slice(None), *position)] = patch.reshape(x.shape[0], -1) @ kernel[index]
    if first:
        return (np.moveaxis(out, -1, 1) + bias.reshape((layer.filters, *lengths))).astype("float32")
    return (out + bias).astype("float32")


CASES = {
    "1d": dict(make=lambda: layers.LocallyConnected1D(4, 3, strides=2), inputs=SEQ,
               reference=np_locally_connected),
    "1d_channels_first": dict(make=lambda: layers.LocallyConnected1D(2, 2, data_format="channels_first"),
                              inputs=np.moveaxis(SEQ, -1, 1), reference=np_locally_connected),
    "2d": dict(make=lambda: layers.LocallyConnected2D(3, (2, 3), strides=(1, 2)), inputs=IMG,
               reference=np_locally_connected),
    "2d_channels_first": dict(make=lambda: layers.LocallyConnected2D(2, 2, data_format="channels_first"),
                              inputs=np.moveaxis(IMG, -1, 1), reference=np_locally_connected),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_tf_keras_weight_shapes_and_errors():
    layer = layers.LocallyConnected2D(3, (2, 3), strides=(1, 2))
    layer.build((None, 4, 5, 2))
    assert [(w.name, w.shape) for w in layer.weights] == [("kernel", (6, 12, 3)), ("bias", (3, 2, 3))]
    assert layer.get_config()["implementation"] == 1
    with pytest.raises(ValueError, match=r"LocallyConnected1D: `padding` must be one of \['valid'\]"):
        layers.LocallyConnected1D(2, 3, padding="same")
    with pytest.raises(NotImplementedError, match=r"only implementation=1 .* received implementation=2"):
        layers.LocallyConnected2D(2, 3, implementation=2)


def test_fit_under_compilation(rng):
    model = kerax.Sequential([kerax.Input((6, 3)), layers.LocallyConnected1D(2, 3, activation="relu"),
                              layers.Reshape((4, 2, 1)), layers.LocallyConnected2D(1, 2), layers.Flatten(),
                              layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(rng.normal(size=(4, 6, 3)), rng.normal(size=(4, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])
