"""Window pooling (Max/AveragePooling1D-3D) against the NumPy loop reference in pool_reference.py, and
MaxPooling2D's gradient against the analytic rule (each window's gradient goes to its maximum)."""
import itertools
import math

import numpy as np
import pytest

import kerax
import pool_reference as ref
from kerax import layers, ops

CASES = {
    "1d_pool_equals_stride_odd": (1, dict(pool_size=2), (2, 7, 3)),
    "1d_same": (1, dict(pool_size=3, strides=1, padding="same"), (2, 6, 2)),
    "2d_pool_equals_stride_odd": (2, dict(pool_size=(3, 2)), (2, 7, 5, 3)),
    "2d_overlapping_valid": (2, dict(pool_size=3, strides=(2, 1)), (2, 7, 6, 2)),
    "2d_same_strided_odd": (2, dict(pool_size=3, strides=2, padding="same"), (2, 5, 6, 2)),
    "2d_same_pool_equals_stride": (2, dict(pool_size=2, padding="same"), (1, 5, 5, 2)),
    "3d_pool_equals_stride_odd": (3, dict(pool_size=2), (1, 5, 4, 3, 2)),
    "3d_same": (3, dict(pool_size=(2, 3, 2), strides=(1, 2, 2), padding="same"), (1, 3, 5, 4, 2)),
}
MAX = {1: layers.MaxPooling1D, 2: layers.MaxPooling2D, 3: layers.MaxPooling3D}
AVERAGE = {1: layers.AveragePooling1D, 2: layers.AveragePooling2D, 3: layers.AveragePooling3D}


@pytest.mark.parametrize("reduce", ["max", "mean"])
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_pooling_matches_numpy_loops(case, reduce, rng):
    rank, kwargs, shape = CASES[case]
    layer = (MAX if reduce == "max" else AVERAGE)[rank](**kwargs)
    x = rng.normal(size=shape).astype("float32")
    expected = ref.pool(x, layer.pool_size, layer.strides, layer.padding, reduce)
    y = np.asarray(layer(x))
    assert y.shape == layer.compute_output_shape(shape) == expected.shape
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


def test_average_same_leaves_padding_out_of_the_count():
    """Keras / TensorFlow: a 'same' window at the edge averages only the real cells."""
    x = np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    y = np.asarray(layers.AveragePooling1D(3, strides=1, padding="same")(x))[0, :, 0]
    np.testing.assert_allclose(y, [1.5, 2, 3, 4, 4.5])


@pytest.mark.parametrize("rank", [1, 2, 3])
def test_channels_first_is_channels_last_transposed(rank, rng):
    shape = (2, 5, 6, 4, 3)[: rank + 1] + (3,)
    to_first = (0, rank + 1, *range(1, rank + 1))
    x = rng.normal(size=shape).astype("float32")
    for pool, reduce in ((MAX[rank], "max"), (AVERAGE[rank], "mean")):
        layer = pool(pool_size=2, strides=1, padding="same", data_format="channels_first")
        expected = ref.pool(x, (2,) * rank, (1,) * rank, "same", reduce).transpose(to_first)
        y = np.asarray(layer(x.transpose(to_first)))
        assert y.shape == layer.compute_output_shape(x.transpose(to_first).shape)
        np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("kwargs", [dict(pool_size=2), dict(pool_size=3, strides=2, padding="same")],
                         ids=["pool_equals_stride", "overlapping_same"])
def test_max_pooling2d_gradient_goes_to_each_windows_maximum(kwargs, rng):
    layer = layers.MaxPooling2D(**kwargs)
    x = rng.normal(size=(2, 5, 7, 3)).astype("float32")  # odd sizes: the reshape path drops the last row
    weights = rng.normal(size=layer.compute_output_shape(x.shape)).astype("float32")
    _, grad = kerax.backend.value_and_grad(lambda v: ops.sum(layer(v) * weights))(x)

    expected = np.zeros(x.shape)
    for b, i, j, c in np.ndindex(*weights.shape):
        r, q = max(_window_cells((i, j), layer, x.shape[1:3]), key=lambda cell: x[b, cell[0], cell[1], c])
        expected[b, r, q, c] += weights[b, i, j, c]
    np.testing.assert_allclose(np.asarray(grad), expected, rtol=1e-6, atol=1e-6)


def _window_cells(position, layer, lengths):
    """The (row, col) cells of the input inside the window of output `position` (padding left out)."""
    ranges = []
    for o, p, s, n in zip(position, layer.pool_size, layer.strides, lengths):
        before = max((math.ceil(n / s) - 1) * s + p - n, 0) // 2 if layer.padding == "same" else 0
        ranges.append(range(max(o * s - before, 0), min(o * s - before + p, n)))
    return itertools.product(*ranges)


@pytest.mark.parametrize("pool", [layers.MaxPooling2D, layers.AveragePooling2D])
@pytest.mark.parametrize("kwargs", [dict(pool_size=3, strides=2),
                                    dict(pool_size=3, strides=1, padding="same")],
                         ids=["overlapping_valid", "overlapping_same"])
def test_overlapping_pooling_trains_in_a_compiled_step(pool, kwargs):
    """ResNet's 3x3 stride-2 max pooling and Inception's 3x3 'same' average pooling, differentiated under
    jit."""
    inputs = kerax.Input((7, 7, 2))
    outputs = layers.Dense(1)(layers.Flatten()(pool(**kwargs)(layers.Conv2D(2, 1)(inputs))))
    model = kerax.Model(inputs, outputs)
    model.compile(optimizer="sgd", loss="mse")
    before = model.layers[1].kernel.numpy()
    history = model.fit(np.ones((2, 7, 7, 2), "float32"), np.ones((2, 1), "float32"), verbose=0)
    assert np.isfinite(history.history["loss"][0]) and not np.allclose(model.layers[1].kernel.numpy(), before)
