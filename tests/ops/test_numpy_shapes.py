"""Shape, order and indexing ops of kerax.ops.numpy against NumPy (negative axes, lists, empty arrays), and
their argument errors."""
import numpy as np
import pytest

from kerax import ops
from op_checks import check

A = np.arange(24, dtype="float32").reshape(2, 3, 4)
M = np.array([[3.0, 1.0, 2.0], [0.5, -1.0, 4.0]], "float32")
I = np.array([3, 1, 2, 3, 1, 9], "int32")

# name, args after the array, kwargs; each compared with NumPy's function of the same name.
CASES = [
    ("reshape", ((4, -1),), {}), ("transpose", ((1, 0, 2),), {}), ("swapaxes", (0, -1), {}),
    ("moveaxis", (0, -1), {}), ("expand_dims", ((0, -1),), {}), ("ravel", (), {}), ("tile", ((1, 2, 1),), {}),
    ("repeat", (2,), {"axis": -1}), ("flip", (), {"axis": (0, 2)}), ("fliplr", (), {}), ("flipud", (), {}),
    ("roll", (2,), {"axis": -1}), ("rot90", (), {"k": 3, "axes": (1, 2)}), ("broadcast_to", ((3, 2, 3, 4),), {}),
    ("split", (2,), {"axis": -1}), ("array_split", (3,), {"axis": 2}), ("hsplit", ([1],), {}),
    ("vsplit", (2,), {}), ("dsplit", ([1, 3],), {}), ("sort", (), {"axis": 1}), ("argsort", (), {"axis": -1}),
    ("take", ([[0, 2], [1, 1]],), {"axis": 1}), ("diff", (), {"n": 2, "axis": -1}),
    ("pad", (((0, 0), (1, 0), (0, 2)),), {"mode": "reflect"}), ("squeeze", (), {}), ("nonzero", (), {}),
    ("pad", (((1, 1), (0, 0), (2, 0)),), {"constant_values": 7.0}),
]


@pytest.mark.parametrize("name,args,kwargs", CASES, ids=[c[0] for c in CASES])
def test_shape_ops(name, args, kwargs):
    x = A[:1] if name == "squeeze" else A % 5 if name == "nonzero" else A
    expected = getattr(np, name)(x, *args, **kwargs)
    check(getattr(ops, name)(x, *args, **kwargs), list(expected) if name.endswith("split") else expected)


def test_joining():
    a, b = M, M[::-1] * 2
    for name in ["hstack", "vstack", "dstack"]:
        check(getattr(ops, name)([a, b]), getattr(np, name)([a, b]))
    check(ops.concatenate([a, b], axis=-1), np.concatenate([a, b], axis=-1))
    check(ops.stack([a, b], axis=1), np.stack([a, b], axis=1))
    check(ops.append(a, [[9.0, 9.0, 9.0]], axis=0), np.append(a, [[9.0, 9.0, 9.0]], axis=0))
    check(ops.append(a, b), np.append(a, b))
    check(ops.concatenate([np.zeros((0, 3), "float32"), a]), a)


def test_take_along_axis_and_get_item():
    index = np.argsort(M, axis=1)
    check(ops.take_along_axis(M, index, axis=1), np.take_along_axis(M, index, axis=1))
    check(ops.take_along_axis(M, np.array([4, 0]), axis=None), M.ravel()[[4, 0]])
    check(ops.get_item(A, (slice(None), -1, [0, 3])), A[:, -1, [0, 3]])


def test_where_select():
    check(ops.where(M > 1, M, -M), np.where(M > 1, M, -M))
    check(ops.where(M > 1), np.nonzero(M > 1))
    with pytest.raises(ValueError, match="both `x1` and `x2`"):
        ops.where(M > 1, M)
    conditions, choices = [M < 0, M > 2], [M * 10, -M]
    check(ops.select(conditions, choices, default=5.0), np.select(conditions, choices, default=5.0))


def test_searching():
    edges = np.array([0.0, 1.0, 2.5, 4.0], "float32")
    check(ops.searchsorted(edges, M), np.searchsorted(edges, M))
    check(ops.searchsorted(edges, M, side="right"), np.searchsorted(edges, M, side="right"))
    with pytest.raises(ValueError, match="must be 1-D"):
        ops.searchsorted(M, M)
    check(ops.digitize(M, edges), np.digitize(M, edges).astype("int32"))
    check(ops.unravel_index(np.array([5, 22]), (2, 3, 4)), np.unravel_index([5, 22], (2, 3, 4)), dtype="int32")
    partitioned = np.asarray(ops.argpartition(I, 2))
    assert sorted(I[partitioned[:2]]) == [1, 1] and I[partitioned[2]] == 2
    flat = M.ravel()
    order = flat[np.asarray(ops.argpartition(M, 1, axis=None))]
    assert order[1] == np.sort(flat)[1] and order[0] <= order[1] and (order[2:] >= order[1]).all()


def test_unique():
    check(ops.unique(I), np.unique(I))
    values, index, inverse, counts = ops.unique(I, return_index=True, return_inverse=True, return_counts=True)
    reference = np.unique(I, return_index=True, return_inverse=True, return_counts=True)
    check([values, index, inverse, counts], list(reference), dtype="int32")
    check(ops.unique(I, size=6, fill_value=-1), np.array([1, 2, 3, 9, -1, -1], "int32"))


def test_size_ndim_view_vectorize():
    assert int(ops.size(A)) == 24 and int(ops.ndim(A)) == 3
    check(ops.view(np.array([1.0], "float32"), "int32"), np.array([1.0], "float32").view("int32"))
    added = ops.vectorize(lambda a, b: a + 2 * b)
    check(added(M, np.ones(3, "float32")), M + 2)
    inner = ops.vectorize(lambda a, b: ops.sum(a * b), signature="(n),(n)->()")
    check(inner(M, M), np.sum(M * M, axis=1))


def test_argument_errors():
    with pytest.raises(ValueError, match="at least 2 dimensions"):
        ops.rot90(np.ones(3))
    with pytest.raises(ValueError, match="two different dimensions"):
        ops.rot90(A, axes=(1, 1))
    with pytest.raises(ValueError, match="constant_values"):
        ops.pad(A, 1, mode="edge", constant_values=1.0)
