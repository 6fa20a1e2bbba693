"""Array creation and the products / counting ops of kerax.ops.numpy against NumPy: default dtypes (floatx),
windows, int8 products accumulating in int32, histogram and bincount."""
import numpy as np
import pytest

from kerax import backend, ops
from op_checks import check

M = np.array([[3.0, 1.0, 2.0], [0.5, -1.0, 4.0]], "float32")
V = np.array([1.0, -2.0, 0.5], "float32")


def test_filled_arrays_default_to_floatx():
    for name in ["zeros", "ones", "empty"]:
        result = getattr(ops, name)((2, 3))
        assert result.shape == (2, 3) and str(result.dtype) == "float32"
    check(ops.zeros((2,), "int32"), np.zeros(2, "int32"))
    check(ops.full((2, 2), 7), np.full((2, 2), 7.0), dtype="float32")
    check(ops.full_like(M, 2), np.full_like(M, 2))
    check(ops.ones_like(M, dtype="int32"), np.ones((2, 3), "int32"))
    assert ops.empty_like(M).shape == M.shape and str(ops.empty_like(M).dtype) == "float32"
    check(ops.eye(3, 4, k=1), np.eye(3, 4, k=1), dtype="float32")
    check(ops.identity(2, dtype="int32"), np.identity(2, "int32"))
    check(ops.tri(3, k=-1), np.tri(3, k=-1), dtype="float32")


def test_ranges():
    check(ops.arange(5), np.arange(5), dtype="int32")
    check(ops.arange(1, 2.0, 0.25), np.arange(1, 2.0, 0.25), dtype="float32")
    check(ops.linspace(0, 1, 5), np.linspace(0, 1, 5), dtype="float32")
    check(ops.linspace([0.0, 1.0], 2.0, 3, axis=1), np.linspace([0.0, 1.0], 2.0, 3, axis=1), dtype="float32")
    check(ops.logspace(0, 2, 3, base=2), np.logspace(0, 2, 3, base=2), dtype="float32")
    check(ops.geomspace(1, 1000, 4, endpoint=True), np.geomspace(1, 1000, 4), dtype="float32", rtol=1e-5)
    grid = ops.meshgrid(np.arange(3), np.arange(2), indexing="ij")
    check(grid, np.meshgrid(np.arange(3), np.arange(2), indexing="ij"), dtype="int32")


@pytest.mark.parametrize("name", ["bartlett", "blackman", "hamming", "hanning"])
def test_windows(name):
    check(getattr(ops, name)(7), getattr(np, name)(7), dtype="float32", atol=1e-6)
    check(getattr(ops, name)(0), getattr(np, name)(0), dtype="float32")


def test_kaiser_diag_vander():
    check(ops.kaiser(6, 3.5), np.kaiser(6, 3.5), dtype="float32", rtol=1e-5)
    check(ops.diag(V, k=1), np.diag(V, k=1))
    check(ops.diag(M), np.diag(M))
    check(ops.diagflat(M, k=-1), np.diagflat(M, k=-1))
    check(ops.vander(V, 4, increasing=True), np.vander(V, 4, increasing=True))


PRODUCTS = [
    ("matmul", (M, M.T)), ("dot", (M, V)), ("inner", (M, V)), ("outer", (V, V)), ("vdot", (M, M)),
    ("kron", (M, M[:1])), ("cross", (M, M[::-1])), ("tensordot", (M, M.T, 1)), ("trace", (M,)),
    ("diagonal", (M,)), ("tril", (M, -1)), ("triu", (M,)), ("correlate", (V, V[:2])),
]


@pytest.mark.parametrize("name,args", PRODUCTS, ids=[p[0] for p in PRODUCTS])
def test_products(name, args):
    check(getattr(ops, name)(*args), getattr(np, name)(*args), rtol=1e-5)


def test_products_of_integers():
    a = np.array([[100, -50], [7, 3]], "int8")
    check(ops.matmul(a, a), a.astype("int32") @ a.astype("int32"))  # int8 products accumulate in int32
    check(ops.einsum("ij,jk->ik", a, a), a.astype("int32") @ a.astype("int32"))
    check(ops.einsum("ij->j", M), M.sum(0))
    check(ops.cross(M, M[::-1], axis=1), np.cross(M, M[::-1], axis=1))
    check(ops.correlate(V, V, mode="full"), np.correlate(V, V, mode="full"), rtol=1e-5)
    check(ops.trace(np.ones((2, 3, 3)), offset=1, axis1=1, axis2=2), np.trace(np.ones((2, 3, 3)), 1, 1, 2),
          dtype="float32")


def test_trapezoid_corrcoef_slogdet():
    check(ops.trapezoid(M, axis=1), np.trapezoid(M, axis=1))
    check(ops.trapezoid(V, x=np.array([0.0, 1.0, 3.0])), np.trapezoid(V, x=[0.0, 1.0, 3.0]), dtype="float32")
    check(ops.trapezoid(V, dx=0.5), np.trapezoid(V, dx=0.5))
    check(ops.corrcoef(M), np.corrcoef(M), rtol=1e-5)
    square = np.array([[2.0, 1.0], [1.0, -3.0]], "float32")
    check(ops.slogdet(square), np.linalg.slogdet(square), rtol=1e-5)


def test_histogram():
    x = np.array([0.1, 0.4, 0.4, 2.0, 5.0, 3.3], "float32")
    counts, edges = ops.histogram(x, bins=4)
    reference = np.histogram(x, bins=4)
    check(counts, reference[0], dtype="int32")
    check(edges, reference[1], dtype="float32")
    check(ops.histogram(x, bins=3, range=(0.0, 3.0))[0], np.array([3, 0, 1]), dtype="int32")
    with pytest.raises(ValueError, match="non-negative int"):
        ops.histogram(x, bins=2.5)
    with pytest.raises(ValueError, match="1-D"):
        ops.histogram(np.ones((2, 2)))


def test_bincount():
    x = np.array([0, 3, 3, 1], "int32")
    check(ops.bincount(x), np.bincount(x), dtype="int32")
    weights = np.array([0.5, 1.0, 2.0, -1.0], "float32")
    check(ops.bincount(x, weights=weights, minlength=6), np.bincount(x, weights, minlength=6), dtype="float32")
    batched = np.array([[0, 1, 1], [2, 2, 2]], "int32")
    check(ops.bincount(batched), np.array([[1, 2, 0], [0, 0, 3]]), dtype="int32")
    check(ops.bincount(np.zeros(0, "int32"), minlength=2), np.zeros(2), dtype="int32")
    with pytest.raises(NotImplementedError, match="sparse"):
        ops.bincount(x, sparse=True)


def test_matmul_gradient():
    _, grad = backend.value_and_grad(lambda a: ops.sum(ops.matmul(a, M.T)))(M)
    np.testing.assert_allclose(grad, np.ones((2, 2)) @ M, rtol=1e-6)
