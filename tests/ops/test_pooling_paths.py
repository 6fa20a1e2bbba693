"""Non-overlapping pools: the max pool's forward pass is a reduce_window and its gradient that of reshaped
tiles; both agree with NumPy, in values and gradients, for several window sizes."""
import jax
import numpy as np
import pytest

from kerax import ops


def np_pool(x, p, reduce):
    n, h, w, c = x.shape
    tiles = x[:, : h - h % p, : w - w % p].reshape(n, h // p, p, w // p, p, c)
    return reduce(tiles, axis=(2, 4))


@pytest.mark.parametrize("pool", [2, 3, 5])
def test_max_and_average_pools_match_numpy(pool):
    x = np.random.default_rng(pool).normal(size=(2, 11, 12, 3)).astype("float32")
    np.testing.assert_allclose(np.asarray(ops.max_pool(x, pool)), np_pool(x, pool, np.max), rtol=1e-6)
    np.testing.assert_allclose(np.asarray(ops.average_pool(x, pool)), np_pool(x, pool, np.mean), rtol=1e-5)


@pytest.mark.parametrize("pool", [2, 5])
def test_max_pool_gradient_goes_to_each_window_maximum(pool):
    x = np.random.default_rng(7).normal(size=(1, 10, 10, 2)).astype("float32")  # no ties
    grad = np.asarray(jax.grad(lambda t: ops.sum(ops.max_pool(t, pool)))(x))
    expected = np.zeros_like(x)
    for i in range(0, 10 - 10 % pool, pool):
        for j in range(0, 10 - 10 % pool, pool):
            for c in range(2):
                window = x[0, i:i + pool, j:j + pool, c]
                r, s = np.unravel_index(np.argmax(window), window.shape)
                expected[0, i + r, j + s, c] = 1.0
    np.testing.assert_array_equal(grad, expected)
