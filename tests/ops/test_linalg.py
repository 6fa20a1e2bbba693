"""kerax.ops.linalg against NumPy and SciPy: batched matrices, integer inputs, the argument errors Keras
raises, and forward-mode derivatives."""
import numpy as np
import pytest
import scipy.linalg

from kerax import ops
from op_checks import check

A = np.array([[4.0, 12.0, -16.0], [12.0, 37.0, -43.0], [-16.0, -43.0, 98.0]], "float32")  # positive definite
B = np.array([[[2.0, 1.0], [1.0, 3.0]], [[1.0, -2.0], [0.5, 4.0]]], "float32")
R = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]], "float32")


def test_cholesky_and_its_inverse():
    lower = np.linalg.cholesky(A)
    check(ops.cholesky(A), lower, rtol=1e-5)
    check(ops.cholesky(A, upper=True), lower.T, rtol=1e-5)
    expected = np.linalg.inv(A)
    check(ops.cholesky_inverse(lower), expected, rtol=1e-3, atol=1e-3)
    check(ops.cholesky_inverse(lower.T, upper=True), expected, rtol=1e-3, atol=1e-3)
    with pytest.raises(ValueError, match="positive-definite"):
        ops.cholesky(-A)


@pytest.mark.parametrize("name", ["det", "inv"])
def test_batched_square(name):
    check(getattr(ops, name)(B), getattr(np.linalg, name)(B), rtol=1e-5)


def test_eigen_decompositions():
    symmetric = B + np.swapaxes(B, -1, -2)
    values, vectors = ops.eigh(symmetric)
    check(values, np.linalg.eigh(symmetric)[0], rtol=1e-5)
    vectors, values = np.asarray(vectors), np.asarray(values)
    np.testing.assert_allclose(vectors * values[:, None, :] @ np.swapaxes(vectors, -1, -2), symmetric, atol=1e-5)
    values, vectors = ops.eig(A)
    assert str(values.dtype) == "complex64"
    np.testing.assert_allclose(A @ np.asarray(vectors), np.asarray(vectors) * np.asarray(values), atol=1e-2)


def test_solves():
    rhs = np.array([1.0, -2.0, 0.5], "float32")
    check(ops.solve(A, rhs), np.linalg.solve(A, rhs), rtol=1e-3)
    check(ops.solve(B, np.ones((2, 2, 1), "float32")), np.linalg.solve(B, np.ones((2, 2, 1))), rtol=1e-5)
    lower = np.tril(A)
    check(ops.solve_triangular(lower, rhs, lower=True), scipy.linalg.solve_triangular(lower, rhs, lower=True),
          rtol=1e-5)
    check(ops.solve_triangular(A, rhs), scipy.linalg.solve_triangular(A, rhs), rtol=1e-5)
    with pytest.raises(ValueError, match="do not line up"):
        ops.solve(A, np.ones(2, "float32"))


def test_factorizations():
    lu, pivots = ops.lu_factor(A)
    reference = scipy.linalg.lu_factor(A)
    check(lu, reference[0], rtol=1e-5, atol=1e-5)
    check(pivots, reference[1], dtype="int32")
    batched_lu, _ = ops.lu_factor(B)
    check(batched_lu[1], scipy.linalg.lu_factor(B[1])[0], rtol=1e-5)
    q, r = ops.qr(R)
    np.testing.assert_allclose(np.asarray(q) @ np.asarray(r), R, atol=1e-5)
    assert q.shape == (3, 2) and ops.qr(R, mode="complete")[0].shape == (3, 3)
    with pytest.raises(ValueError, match="'reduced' or 'complete'"):
        ops.qr(R, mode="r")
    u, s, vt = ops.svd(R, full_matrices=False)
    check(s, np.linalg.svd(R, compute_uv=False), rtol=1e-5)
    np.testing.assert_allclose(np.asarray(u) * np.asarray(s) @ np.asarray(vt), R, atol=1e-5)
    check(ops.svd(R, compute_uv=False), np.linalg.svd(R, compute_uv=False), rtol=1e-5)


def test_least_squares_rank_pinv_norm():
    b = np.array([1.0, 0.0, 2.0], "float32")
    check(ops.lstsq(R, b), np.linalg.lstsq(R, b, rcond=None)[0], rtol=1e-4)
    check(ops.matrix_rank(np.array([[1.0, 2.0], [2.0, 4.0]])), np.int32(1))
    check(ops.matrix_rank(R), np.int32(2))
    check(ops.matrix_rank(np.array([[1.0, 0.0], [0.0, 1e-3]]), tol=1e-2), np.int32(1))
    check(ops.pinv(R), np.linalg.pinv(R), rtol=1e-4, atol=1e-5)
    check(ops.norm(R), np.linalg.norm(R))
    check(ops.norm(R, ord=1, axis=0), np.linalg.norm(R, ord=1, axis=0))
    check(ops.norm(R, ord="fro", axis=(0, 1), keepdims=True), np.linalg.norm(R, "fro", (0, 1), True))
    check(ops.norm(np.array([3, 4])), np.float32(5.0))  # integers are normed as floatx


@pytest.mark.parametrize("name", ["det", "inv", "cholesky", "eigh", "cholesky_inverse"])
def test_square_matrix_errors(name):
    with pytest.raises(ValueError, match="square"):
        getattr(ops, name)(R)
    with pytest.raises(ValueError, match="rank >= 2"):
        getattr(ops, name)(np.ones(3, "float32"))


def test_jvp():
    primal, tangent = ops.jvp(lambda x: ops.sin(x) * 2.0, (np.float32(0.5),), (np.float32(1.0),))
    np.testing.assert_allclose([primal, tangent], [2 * np.sin(0.5), 2 * np.cos(0.5)], rtol=1e-6)
    _, _, aux = ops.jvp(lambda x: (x**2, "aux"), (np.float32(3.0),), (np.float32(1.0),), has_aux=True)
    assert aux == "aux"
