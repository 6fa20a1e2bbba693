"""Global pooling against NumPy, and the pooling layers' configs, Keras 1 spellings, aliases, models and
errors."""
import numpy as np
import pytest

import kerax
from kerax import layers
from kerax.saving.layer_registry import deserialize_layer
from kerax.serialization.registry import serialize

GLOBAL = {
    (1, "max"): layers.GlobalMaxPooling1D, (2, "max"): layers.GlobalMaxPooling2D,
    (3, "max"): layers.GlobalMaxPooling3D, (1, "mean"): layers.GlobalAveragePooling1D,
    (2, "mean"): layers.GlobalAveragePooling2D, (3, "mean"): layers.GlobalAveragePooling3D,
}


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
@pytest.mark.parametrize("rank, reduce", list(GLOBAL), ids=[f"{r}d_{op}" for r, op in GLOBAL])
def test_global_pooling_matches_numpy(rank, reduce, data_format, rng):
    x = rng.normal(size=(2, 5, 4, 3, 2)[: rank + 2]).astype("float32")
    axes = tuple(range(2, rank + 2)) if data_format == "channels_first" else tuple(range(1, rank + 1))
    numpy_reduce = np.max if reduce == "max" else np.mean
    for keepdims in (False, True):
        layer = GLOBAL[rank, reduce](data_format=data_format, keepdims=keepdims)
        expected = numpy_reduce(x, axis=axes, keepdims=keepdims)
        y = np.asarray(layer(x))
        assert y.shape == layer.compute_output_shape(x.shape) == expected.shape
        np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


def test_global_average_pooling1d_averages_unmasked_steps(rng):
    x = rng.normal(size=(2, 5, 3)).astype("float32")
    mask = np.array([[1, 1, 0, 1, 0], [1, 1, 1, 1, 1]], bool)
    expected = np.stack([x[0, [0, 1, 3]].mean(axis=0), x[1].mean(axis=0)])
    np.testing.assert_allclose(np.asarray(layers.GlobalAveragePooling1D()(x, mask=mask)), expected, rtol=1e-5)
    first = layers.GlobalAveragePooling1D(data_format="channels_first")(x.transpose(0, 2, 1), mask=mask)
    np.testing.assert_allclose(np.asarray(first), expected, rtol=1e-5)

    inputs = kerax.Input((5, 3))
    model = kerax.Model(inputs, layers.GlobalAveragePooling1D()(layers.Masking(0.0)(inputs)))
    x[0, [2, 4]] = 0.0  # the Masking layer masks these steps
    np.testing.assert_allclose(np.asarray(model(x)), expected, rtol=1e-5)


POOLING_LAYERS = [
    lambda: layers.MaxPooling1D(3, strides=1, padding="same"), lambda: layers.AveragePooling1D(),
    lambda: layers.MaxPooling2D((2, 3), strides=(1, 2), data_format="channels_first"),
    lambda: layers.AveragePooling2D(padding="same"), lambda: layers.MaxPooling3D(),
    lambda: layers.AveragePooling3D((1, 2, 2), padding="same", data_format="channels_first"),
    lambda: layers.GlobalMaxPooling1D(keepdims=True), lambda: layers.GlobalAveragePooling2D(),
    lambda: layers.GlobalAveragePooling3D(data_format="channels_first"),
]


@pytest.mark.parametrize("make_layer", POOLING_LAYERS)
def test_config_round_trip_and_symbolic_shapes(make_layer, rng):
    layer = make_layer()
    config = layer.get_config()
    assert type(layer).from_config(config).get_config() == config
    assert deserialize_layer(serialize(layer)).get_config() == config
    shape = (6, 5, 4, 3)[: layer.rank] + (3,)
    output = layer(kerax.Input(shape))
    assert output.shape == layer.compute_output_shape((None, *shape))
    assert np.asarray(layer(rng.normal(size=(2, *shape)).astype("float32"))).shape == (2, *output.shape[1:])


def test_unknown_spatial_sizes_and_keras1_arguments():
    assert layers.MaxPooling2D()(kerax.Input((None, 7, 3))).shape == (None, None, 3, 3)
    assert layers.GlobalMaxPooling2D()(kerax.Input((None, None, 3))).shape == (None, 3)
    old = layers.MaxPooling1D(pool_length=3, stride=1, border_mode="same")
    assert (old.pool_size, old.strides, old.padding) == ((3,), (1,), "same")
    assert layers.AveragePooling2D(dim_ordering="th").data_format == "channels_first"
    assert layers.MaxPooling2D(3).strides == (3, 3)  # strides default to the pool size


def test_aliases():
    assert (layers.MaxPool1D, layers.MaxPool2D, layers.MaxPool3D) == (
        layers.MaxPooling1D, layers.MaxPooling2D, layers.MaxPooling3D)
    assert (layers.AvgPool1D, layers.AvgPool2D, layers.AvgPool3D) == (
        layers.AveragePooling1D, layers.AveragePooling2D, layers.AveragePooling3D)
    assert (layers.GlobalMaxPool2D, layers.GlobalAvgPool1D, layers.GlobalAvgPool3D) == (
        layers.GlobalMaxPooling2D, layers.GlobalAveragePooling1D, layers.GlobalAveragePooling3D)


def test_errors():
    with pytest.raises(ValueError, match=r"MaxPooling2D: `padding` must be one of \['valid', 'same'\]"):
        layers.MaxPooling2D(padding="causal")
    with pytest.raises(ValueError, match=r"AveragePooling3D: `pool_size` must be .* a tuple of 3 positive"):
        layers.AveragePooling3D(pool_size=(2, 2))
    with pytest.raises(ValueError, match=r'layer "max_pooling2d(_1)?".*expected ndim=4, found ndim=3'):
        layers.MaxPooling2D()(np.zeros((2, 5, 5), "float32"))
    with pytest.raises(ValueError, match=r'layer "global_average_pooling1d".*expected ndim=3, found ndim=4'):
        layers.GlobalAveragePooling1D()(np.zeros((2, 5, 5, 1), "float32"))


def test_in_sequential_functional_and_subclassed_models(rng):
    x = rng.normal(size=(2, 6, 6, 3)).astype("float32")
    expected = x.reshape(2, 3, 2, 3, 2, 3).max(axis=(2, 4)).mean(axis=(1, 2))
    sequential = kerax.Sequential([kerax.Input((6, 6, 3)), layers.MaxPooling2D(),
                                   layers.GlobalAveragePooling2D()])
    np.testing.assert_allclose(np.asarray(sequential(x)), expected, rtol=1e-5)

    inputs = kerax.Input((None, None, 3))
    functional = kerax.Model(inputs, layers.GlobalAveragePooling2D()(layers.MaxPooling2D()(inputs)))
    assert functional.output_shape == (None, 3)
    np.testing.assert_allclose(np.asarray(functional(x)), expected, rtol=1e-5)

    class Net(kerax.Model):
        def __init__(self):
            super().__init__()
            self.pool = layers.MaxPooling2D()
            self.average = layers.GlobalAveragePooling2D()

        def call(self, inputs):
            return self.average(self.pool(inputs))

    np.testing.assert_allclose(np.asarray(Net()(x)), expected, rtol=1e-5)
