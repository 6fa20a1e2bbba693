"""ops.slice and ops.slice_update against NumPy slicing, with Python and tensor (traced too) start indices."""
import numpy as np
import pytest

import kerax
from kerax import backend, ops

X = np.arange(60, dtype="float32").reshape(3, 4, 5)


@pytest.mark.parametrize("start, shape", [((0, 0, 0), (3, 4, 5)), ((1, 2, 3), (2, 2, 2)),
                                          ((2, 0, 1), (1, 4, 3))])
def test_slice_matches_numpy(start, shape):
    expected = X[tuple(slice(s, s + n) for s, n in zip(start, shape))]
    np.testing.assert_array_equal(np.asarray(ops.slice(X, start, shape)), expected)
    np.testing.assert_array_equal(np.asarray(ops.slice(X, np.array(start), shape)), expected)
    compiled = backend.jit(lambda s: ops.slice(X, s, shape))
    traced_start = ops.convert_to_tensor(np.array(start, "int32"))
    np.testing.assert_array_equal(np.asarray(compiled(traced_start)), expected)


def test_slice_minus_one_takes_the_rest_of_an_axis():
    np.testing.assert_array_equal(np.asarray(ops.slice(X, (1, 1, 2), (-1, 2, -1))), X[1:, 1:3, 2:])
    inputs = kerax.Input((4, 5))
    assert ops.slice(inputs, (0, 1, 0), (-1, 2, 5)).shape == (None, 2, 5)


def test_slice_update_matches_numpy():
    updates = -np.ones((2, 2, 3), "float32")
    expected = X.copy()
    expected[1:3, 1:3, 2:5] = updates
    np.testing.assert_array_equal(np.asarray(ops.slice_update(X, (1, 1, 2), updates)), expected)
    compiled = backend.jit(lambda s: ops.slice_update(X, s, updates.astype("int32")))  # cast to X's dtype
    result = compiled(ops.convert_to_tensor(np.array([1, 1, 2], "int32")))
    assert result.dtype == "float32"
    np.testing.assert_array_equal(np.asarray(result), expected)


def test_wrong_number_of_indices_names_the_argument():
    with pytest.raises(ValueError, match="`start_indices` needs one entry per axis"):
        ops.slice(X, (0, 0), (1, 1, 1))
    with pytest.raises(ValueError, match="`updates` must have the rank"):
        ops.slice_update(X, (0, 0, 0), np.ones((2, 2)))
