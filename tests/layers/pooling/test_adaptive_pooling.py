"""AdaptiveAveragePooling1D/2D/3D and AdaptiveMaxPooling1D/2D/3D against NumPy loops over PyTorch-style
windows (window i of n -> size covers [floor(i * n / size), ceil((i + 1) * n / size))), channels last and
first, in models, through configs and `.keras` files, and trained once."""
import math

import numpy as np
import pytest

import kerax
from kerax import layers

RNG = np.random.default_rng(13)
SEQ = RNG.normal(size=(2, 7, 3)).astype("float32")
IMG = RNG.normal(size=(2, 5, 7, 2)).astype("float32")
VOL = RNG.normal(size=(1, 4, 5, 3, 2)).astype("float32")


def np_adaptive(reduce, output_size, channels_first=False):
    def reference(layer, x):
        if channels_first:
            x = np.moveaxis(x, 1, -1)
        spatial = x.shape[1:-1]
        out = np.zeros((x.shape[0], *output_size, x.shape[-1]), "float32")
        for index in np.ndindex(*output_size):
            window = tuple(slice(i * n // s, math.ceil((i + 1) * n / s))
                           for i, n, s in zip(index, spatial, output_size))
            out[(slice(None), *index)] = reduce(x[(slice(None), *window)],
                                                axis=tuple(range(1, len(spatial) + 1)))
        return np.moveaxis(out, -1, 1) if channels_first else out

    return reference


CASES = {
    "avg1d": dict(make=lambda: layers.AdaptiveAveragePooling1D(3), inputs=SEQ,
                  reference=np_adaptive(np.mean, (3,))),
    "max1d_larger": dict(make=lambda: layers.AdaptiveMaxPooling1D(9), inputs=SEQ,
                         reference=np_adaptive(np.max, (9,))),
    "avg2d": dict(make=lambda: layers.AdaptiveAveragePooling2D((2, 3)), inputs=IMG,
                  reference=np_adaptive(np.mean, (2, 3))),
    "max2d_channels_first": dict(make=lambda: layers.AdaptiveMaxPooling2D(3, data_format="channels_first"),
                                 inputs=np.moveaxis(IMG, -1, 1), reference=np_adaptive(np.max, (3, 3), True)),
    "avg3d_channels_first": dict(
        make=lambda: layers.AdaptiveAveragePooling3D((3, 2, 2), data_format="channels_first"),
        inputs=np.moveaxis(VOL, -1, 1), reference=np_adaptive(np.mean, (3, 2, 2), True)),
    "max3d": dict(make=lambda: layers.AdaptiveMaxPooling3D((2, 4, 1)), inputs=VOL,
                  reference=np_adaptive(np.max, (2, 4, 1))),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_ops_and_errors():
    x = np.arange(14, dtype="float32").reshape(1, 7, 2)
    np.testing.assert_allclose(kerax.ops.adaptive_average_pool(x, 3)[0, :, 0], [2.0, 6.0, 10.0])
    np.testing.assert_allclose(kerax.ops.adaptive_max_pool(x, 2)[0, :, 1], [7.0, 13.0])
    with pytest.raises(ValueError,
                       match=r"AdaptiveMaxPooling2D: `output_size` must be a positive integer or a "
                                         r"tuple of 2"):
        layers.AdaptiveMaxPooling2D((2, 2, 2))
    config = layers.AdaptiveAveragePooling2D(4).get_config()
    assert config["output_size"] == (4, 4) and config["data_format"] == "channels_last"


def test_fit_under_compilation(rng):
    model = kerax.Sequential([
        kerax.Input((None, None, 2)), layers.Conv2D(3, 3, padding="same"),
        layers.AdaptiveMaxPooling2D((3, 3)),
        layers.Reshape((9, 3)), layers.AdaptiveAveragePooling1D(2), layers.Flatten(), layers.Dense(1),
    ])
    model.compile(optimizer="sgd", loss="mse")
    history = model.fit(rng.normal(size=(4, 8, 6, 2)), rng.normal(size=(4, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert model.predict(rng.normal(size=(1, 11, 5, 2)), verbose=0).shape == (1, 1)  # any input size
