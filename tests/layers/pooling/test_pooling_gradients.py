"""Gradients of every window pooling layer (Max/Average, 1D-3D, both paddings, both data formats), compiled as
in `fit`, against central finite differences of the NumPy loop reference in pool_reference.py."""
import numpy as np
import pytest

import kerax
import pool_reference as ref
from kerax import layers, ops

POOLS = {("max", 1): layers.MaxPooling1D, ("max", 2): layers.MaxPooling2D, ("max", 3): layers.MaxPooling3D,
         ("mean", 1): layers.AveragePooling1D, ("mean", 2): layers.AveragePooling2D,
         ("mean", 3): layers.AveragePooling3D}
SHAPES = {1: (2, 5, 2), 2: (1, 5, 4, 2), 3: (1, 3, 4, 3, 1)}  # channels_last; odd sizes pad unevenly


def _finite_difference_grad(x, weights, pool_size, strides, padding, reduce, eps=1e-5):
    def objective(v):
        return np.sum(ref.pool(v, pool_size, strides, padding, reduce) * weights)

    grad = np.zeros_like(x)
    for index in np.ndindex(*x.shape):
        step = np.zeros_like(x)
        step[index] = eps
        grad[index] = (objective(x + step) - objective(x - step)) / (2 * eps)
    return grad


# Every layer, padding and data format with strides = pool size (valid: the reshape path, same:
# reduce_window); overlapping windows (strides 1: reduce_window for both paddings) once: that code is
# the same for every rank.
CASES = [(reduce, rank, padding, data_format, None) for reduce in ("max", "mean") for rank in (1, 2, 3)
         for padding in ("valid", "same") for data_format in ("channels_last", "channels_first")]
CASES += [(reduce, 2, padding, "channels_last", 1) for reduce in ("max", "mean")
          for padding in ("valid", "same")]


@pytest.mark.parametrize("reduce, rank, padding, data_format, strides", CASES,
                         ids=["-".join(map(str, case)) for case in CASES])
def test_compiled_pooling_gradient_matches_finite_differences(reduce, rank, padding, data_format, strides,
                                                              rng):
    layer = POOLS[reduce, rank](pool_size=2, strides=strides, padding=padding, data_format=data_format)
    x = rng.permutation(np.prod(SHAPES[rank])).reshape(SHAPES[rank]) / 7.0  # distinct values: no max ties
    weights = rng.normal(size=ref.pool(x, layer.pool_size, layer.strides, padding, reduce).shape)
    to_first = (0, rank + 1, *range(1, rank + 1))
    if data_format == "channels_first":
        layer_x, layer_weights = x.transpose(to_first), weights.transpose(to_first)
    else:
        layer_x, layer_weights = x, weights

    def objective(v):
        return ops.sum(layer(v) * ops.convert_to_tensor(layer_weights, "float32"))

    _, grad = kerax.backend.jit(kerax.backend.value_and_grad(objective))(layer_x.astype("float32"))
    expected = _finite_difference_grad(x, weights, layer.pool_size, layer.strides, padding, reduce)
    if data_format == "channels_first":
        expected = expected.transpose(to_first)
    np.testing.assert_allclose(np.asarray(grad), expected, rtol=1e-4, atol=1e-4)


def test_max_pooling2d_same_trains_in_fit(rng):
    """The keras.io failure: a trainable layer before MaxPooling2D(padding="same") broke fit's gradient."""
    model = kerax.Sequential([kerax.Input((5, 5, 1)), layers.Conv2D(2, 3, padding="same"),
                              layers.MaxPooling2D(padding="same"), layers.Flatten(), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    kernel = model.layers[0].kernel.numpy().copy()
    history = model.fit(rng.normal(size=(8, 5, 5, 1)), rng.normal(size=(8, 1)), epochs=2, verbose=0)
    assert np.all(np.isfinite(history.history["loss"]))
    assert not np.allclose(model.layers[0].kernel.numpy(), kernel)
