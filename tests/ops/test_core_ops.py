"""Core ops of kerax.ops: conversion and casts, control flow (Keras's argument conventions), scatter, unstack,
custom gradients."""
import numpy as np
import pytest

from kerax import backend, ops
from op_checks import check

X = np.array([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]], "float32")


def test_conversion_shape_dtype():
    tensor = ops.convert_to_tensor([[1, 2]], dtype="float32")
    assert ops.is_tensor(tensor) and not ops.is_tensor(np.ones(2))
    assert ops.shape(tensor) == (1, 2) and ops.dtype(tensor) == "float32"
    assert isinstance(ops.convert_to_numpy(tensor), np.ndarray)
    with pytest.raises(ValueError, match="ragged"):
        ops.convert_to_tensor([1], ragged=True)
    check(ops.cast(X, "int32"), X.astype("int32"))
    variable = backend.Variable(np.ones(2, "float32"))
    check(ops.cast(variable, "float16"), np.ones(2, "float16"))


def test_saturate_cast():
    x = np.array([-300.0, -1.5, 0.4, 254.9, 1e10, np.inf, -np.inf], "float32")
    check(ops.saturate_cast(x, "uint8"), np.array([0, 0, 0, 254, 255, 255, 0], "uint8"))
    check(ops.saturate_cast(x, "int32")[4:], np.array([2147483520, 2147483520, -2147483648], "int32"))
    check(ops.saturate_cast(x, "float16")[-3:], np.array([65504, 65504, -65504], "float16"))
    check(ops.saturate_cast(np.array([70000, -5], "int32"), "int16"), np.array([32767, -5], "int16"))
    check(ops.saturate_cast(np.array([True, False]), "float32"), np.array([1.0, 0.0], "float32"))


def test_stop_gradient_and_unstack():
    _, grad = backend.value_and_grad(lambda v: ops.sum(v * ops.stop_gradient(v)))(X)
    check(grad, X)
    check(ops.unstack(X), list(X))
    check(ops.unstack(X, axis=-1), list(X.T))


def test_cond_switch():
    assert float(ops.cond(True, lambda: 1.0, lambda: 2.0)) == 1.0
    branches = [lambda a: a + 1, lambda a: a * 10, lambda a: -a]
    check(ops.switch(1, branches, X), X * 10)
    check(ops.switch(7, branches, X), -X)  # out-of-range indices clamp


def test_scans_and_maps():
    carry, cumulative = ops.scan(lambda c, x: (c + x, c + x), np.float32(0), X[0])
    assert float(carry) == 2.0
    check(cumulative, np.cumsum(X[0]))
    _, reverse = ops.scan(lambda c, x: (c + x, c), np.float32(0), X[0], reverse=True)
    check(reverse, np.array([1.0, 3.0, 0.0], "float32"))  # carry before each step, from the end
    with pytest.raises(ValueError, match="unroll"):
        ops.scan(lambda c, x: (c, x), 0.0, X[0], unroll=0)
    check(ops.associative_scan(lambda a, b: a + b, X, axis=1), np.cumsum(X, axis=1))
    check(ops.associative_scan(ops.maximum, X[0], reverse=True), np.array([3.0, 3.0, 3.0], "float32"))
    check(ops.map(lambda row: ops.sum(row), X), X.sum(1))
    check(ops.vectorized_map(lambda row: row[::-1], X), X[:, ::-1])


def test_loops():
    assert int(ops.fori_loop(0, 5, lambda i, total: total + i, 0)) == 10
    # Keras's while_loop unpacks a list/tuple of loop variables and returns a tuple.
    result = ops.while_loop(lambda i, total: i < 4, lambda i, total: (i + 1, total * 2), (0, 1))
    assert isinstance(result, tuple) and [int(v) for v in result] == [4, 16]
    single = ops.while_loop(lambda i: i < 100, lambda i: i + 3, 1, maximum_iterations=5)
    assert int(single) == 16


def test_scatter():
    indices = np.array([[0, 1], [1, 2], [0, 1]])
    check(ops.scatter(indices, np.array([1.0, 2.0, 3.0], "float32"), (2, 3)),
          np.array([[0, 4.0, 0], [0, 0, 2.0]]), dtype="float32")
    rows = ops.scatter(np.array([[1]]), np.array([[5, 6]], "int32"), (3, 2))
    check(rows, np.array([[0, 0], [5, 6], [0, 0]], "int32"))


@pytest.mark.parametrize("reduction,expected", [
    (None, [[1.0, 9.0, 3.0], [4.0, 5.0, 7.0]]), ("add", [[1.0, 7.0, 3.0], [4.0, 5.0, 1.0]]),
    ("max", [[1.0, 9.0, 3.0], [4.0, 5.0, 7.0]]), ("MIN", [[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]]),
    ("mul", [[1.0, -18.0, 3.0], [4.0, 5.0, -42.0]]),
])
def test_scatter_update(reduction, expected):
    indices, updates = np.array([[0, 1], [1, 2]]), np.array([9.0, 7.0], "float32")
    check(ops.scatter_update(X, indices, updates, reduction=reduction), np.array(expected), dtype="float32")


def test_scatter_update_rejects_unknown_reduction():
    with pytest.raises(ValueError, match="reduction"):
        ops.scatter_update(X, [[0, 0]], [1.0], reduction="mean")


def test_custom_gradient():
    @ops.custom_gradient
    def log1pexp(x):
        e = ops.exp(x)

        def grad(*args, upstream=None):
            upstream = args[0] if upstream is None else upstream
            return ops.multiply(upstream, 1.0 - 1.0 / ops.add(1, e))

        return ops.log(1 + e), grad

    _, grad = backend.value_and_grad(lambda v: ops.sum(log1pexp(v)))(np.array([0.0, 100.0], "float32"))
    check(grad, np.array([0.5, 1.0]), dtype="float32")
    variable = backend.Variable(np.array([0.0], "float32"))
    check(log1pexp(variable), np.log([2.0]), dtype="float32")
