"""ZeroPadding1D-3D, Cropping1D-3D and UpSampling1D-3D against NumPy (np.pad, slicing, np.repeat, a loop
bilinear resize), in both data formats, plus configs, models and errors."""
import math

import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.saving.layer_registry import deserialize_layer
from kerax.serialization.registry import serialize


def _spatial_axes(rank, data_format):
    return list(range(2, rank + 2)) if data_format == "channels_first" else list(range(1, rank + 1))


def _input(rank, rng):
    return rng.normal(size=(2, 5, 6, 4, 3)[: rank + 1] + (5,)).astype("float32")


# (layer class, argument, data_format, the same amounts as one (before, after) pair per spatial axis)
EDGE_CASES = {
    "pad1d_int": (layers.ZeroPadding1D, 2, "channels_last", [(2, 2)]),
    "pad1d_pair": (layers.ZeroPadding1D, (1, 3), "channels_first", [(1, 3)]),
    "pad2d_symmetric": (layers.ZeroPadding2D, (1, 2), "channels_last", [(1, 1), (2, 2)]),
    "pad2d_pairs": (layers.ZeroPadding2D, ((0, 1), (2, 0)), "channels_first", [(0, 1), (2, 0)]),
    "pad3d_int": (layers.ZeroPadding3D, 1, "channels_first", [(1, 1)] * 3),
    "pad3d_mixed": (layers.ZeroPadding3D, ((1, 0), 2, (0, 1)), "channels_last", [(1, 0), (2, 2), (0, 1)]),
    "crop1d_pair": (layers.Cropping1D, (1, 2), "channels_last", [(1, 2)]),
    "crop2d_symmetric": (layers.Cropping2D, (1, 2), "channels_first", [(1, 1), (2, 2)]),
    "crop2d_pairs": (layers.Cropping2D, ((0, 2), (1, 0)), "channels_last", [(0, 2), (1, 0)]),
    "crop3d_pairs": (layers.Cropping3D, ((1, 0), (1, 2), (0, 1)), "channels_first", [(1, 0), (1, 2), (0, 1)]),
}


@pytest.mark.parametrize("case", EDGE_CASES, ids=list(EDGE_CASES))
def test_padding_and_cropping_match_numpy(case, rng):
    cls, amounts, data_format, pairs = EDGE_CASES[case]
    rank = len(pairs)
    layer = cls(amounts, data_format=data_format)
    x = _input(rank, rng)
    axes = _spatial_axes(rank, data_format)
    if cls.__name__.startswith("ZeroPadding"):
        widths = [(0, 0)] * x.ndim
        for axis, pair in zip(axes, pairs):
            widths[axis] = pair
        expected = np.pad(x, widths)
    else:
        index = [slice(None)] * x.ndim
        for axis, (before, after) in zip(axes, pairs):
            index[axis] = slice(before, x.shape[axis] - after)
        expected = x[tuple(index)]
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(x.shape)
    np.testing.assert_array_equal(y, expected)


@pytest.mark.parametrize("rank, size, data_format", [  # UpSampling1D has no data_format (as in Keras)
    (1, 3, "channels_last"), (2, (2, 3), "channels_last"), (2, (2, 3), "channels_first"),
    (3, (1, 2, 3), "channels_last"), (3, (1, 2, 3), "channels_first"),
])
def test_nearest_up_sampling_repeats_rows(rank, size, data_format, rng):
    kwargs = {} if rank == 1 else {"data_format": data_format}
    layer = {1: layers.UpSampling1D, 2: layers.UpSampling2D, 3: layers.UpSampling3D}[rank](size, **kwargs)
    x = _input(rank, rng)
    expected = x
    for axis, repeats in zip(_spatial_axes(rank, data_format), (size,) if rank == 1 else size):
        expected = np.repeat(expected, repeats, axis=axis)
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(x.shape)
    np.testing.assert_array_equal(y, expected)


def test_bilinear_up_sampling_matches_tensorflow_example():
    """tf.image.resize([[1, 2], [3, 4]], (4, 4), "bilinear") (half-pixel centres), as Keras's UpSampling2D."""
    x = np.array([[1, 2], [3, 4]], "float32").reshape(1, 2, 2, 1)
    expected = [[1, 1.25, 1.75, 2], [1.5, 1.75, 2.25, 2.5], [2.5, 2.75, 3.25, 3.5], [3, 3.25, 3.75, 4]]
    y = np.asarray(layers.UpSampling2D(2, interpolation="bilinear")(x))
    np.testing.assert_allclose(y[0, :, :, 0], expected, rtol=1e-6)


def _bilinear(x, size):
    """Loop reference: output (i, j) samples the input at ((i + 0.5) / size - 0.5, ...), clamped to the
    edges."""
    rows, cols = x.shape[1] * size[0], x.shape[2] * size[1]
    y = np.zeros((x.shape[0], rows, cols, x.shape[3]))
    for i in range(rows):
        for j in range(cols):
            r = min(max((i + 0.5) / size[0] - 0.5, 0), x.shape[1] - 1)
            c = min(max((j + 0.5) / size[1] - 0.5, 0), x.shape[2] - 1)
            r0, c0 = math.floor(r), math.floor(c)
            r1, c1 = min(r0 + 1, x.shape[1] - 1), min(c0 + 1, x.shape[2] - 1)
            fr, fc = r - r0, c - c0
            y[:, i, j] = ((1 - fr) * ((1 - fc) * x[:, r0, c0] + fc * x[:, r0, c1])
                          + fr * ((1 - fc) * x[:, r1, c0] + fc * x[:, r1, c1]))
    return y


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_bilinear_up_sampling_matches_numpy_loops(data_format, rng):
    x = rng.normal(size=(2, 3, 4, 2)).astype("float32")
    layer = layers.UpSampling2D((3, 2), data_format=data_format, interpolation="bilinear")
    expected = _bilinear(x, (3, 2))
    if data_format == "channels_first":
        x, expected = x.transpose(0, 3, 1, 2), expected.transpose(0, 3, 1, 2)
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(x.shape)
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("layer", [
    layers.ZeroPadding1D((1, 2)), layers.ZeroPadding2D(((1, 2), (0, 3)), data_format="channels_first"),
    layers.ZeroPadding3D(1), layers.Cropping1D(1), layers.Cropping2D(((1, 0), (0, 2))),
    layers.Cropping3D((1, 0, 1)),
    layers.UpSampling1D(3), layers.UpSampling2D((2, 3), interpolation="bilinear"),
    layers.UpSampling3D(2, data_format="channels_first"),
], ids=lambda layer: type(layer).__name__)
def test_config_round_trip_and_symbolic_shapes(layer, rng):
    config = layer.get_config()
    assert type(layer).from_config(config).get_config() == config
    assert deserialize_layer(serialize(layer)).get_config() == config
    shape = (6, 5, 4)[: layer.rank] + (3,)
    output = layer(kerax.Input(shape))
    assert output.shape == layer.compute_output_shape((None, *shape))
    assert layer.compute_output_shape((None,) * (layer.rank + 2)) == (None,) * (layer.rank + 2)
    assert np.asarray(layer(rng.normal(size=(2, *shape)).astype("float32"))).shape == (2, *output.shape[1:])


def test_keras1_arguments():
    assert layers.UpSampling1D(length=3).size == (3,)
    assert layers.ZeroPadding2D(1, dim_ordering="th").data_format == "channels_first"
    assert layers.Cropping2D(dim_ordering="tf").data_format == "channels_last"


def test_errors():
    with pytest.raises(ValueError, match=r"ZeroPadding2D: `padding` must be a non-negative integer, a tuple"):
        layers.ZeroPadding2D(-1)
    with pytest.raises(ValueError, match=r"Cropping3D: `cropping` must be .* received cropping=\(1, 2\)"):
        layers.Cropping3D((1, 2))
    with pytest.raises(ValueError, match=r"UpSampling2D: `interpolation` must be one of \['nearest', 'bil"):
        layers.UpSampling2D(interpolation="bicubic")
    with pytest.raises(ValueError, match=r"UpSampling3D: `interpolation` must be one of \['nearest'\]"):
        layers.UpSampling3D(interpolation="bilinear")
    with pytest.raises(ValueError, match=r"UpSampling2D: `size` must be a positive integer"):
        layers.UpSampling2D(0)
    with pytest.raises(ValueError, match=r'"cropping1d": cropping=\(3, 3\) leaves nothing of an input'):
        layers.Cropping1D(3)(np.zeros((1, 5, 2), "float32"))
    with pytest.raises(ValueError, match=r'layer "zero_padding2d(_1)?".*expected ndim=4, found ndim=3'):
        layers.ZeroPadding2D()(np.zeros((1, 5, 2), "float32"))


def test_in_sequential_functional_and_subclassed_models(rng):
    x = rng.normal(size=(2, 4, 5, 3)).astype("float32")
    padded = np.pad(x, [(0, 0), (1, 1), (1, 1), (0, 0)])
    expected = np.repeat(np.repeat(padded, 2, axis=1), 2, axis=2)[:, 1:-1, 2:]
    stack = [layers.ZeroPadding2D(), layers.UpSampling2D(), layers.Cropping2D(((1, 1), (2, 0)))]
    sequential = kerax.Sequential([kerax.Input((4, 5, 3)), *stack])
    assert sequential.output_shape == (None, 10, 12, 3)
    np.testing.assert_array_equal(np.asarray(sequential(x)), expected)

    inputs = kerax.Input((None, None, 3))
    outputs = inputs
    for layer in (layers.ZeroPadding2D(), layers.UpSampling2D(), layers.Cropping2D(((1, 1), (2, 0)))):
        outputs = layer(outputs)
    functional = kerax.Model(inputs, outputs)
    assert functional.output_shape == (None, None, None, 3)
    np.testing.assert_array_equal(np.asarray(functional(x)), expected)

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.steps = [layers.ZeroPadding2D(), layers.UpSampling2D(), layers.Cropping2D(((1, 1), (2, 0)))]

        def call(self, inputs):
            for step in self.steps:
                inputs = step(inputs)
            return inputs

    np.testing.assert_array_equal(np.asarray(Net()(x)), expected)
