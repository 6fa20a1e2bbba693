"""Reductions and statistics of kerax.ops.numpy against NumPy: axes (negative, tuple, list, None), keepdims,
NaN handling, integer inputs (means and medians are floatx), empty inputs."""
import numpy as np
import pytest

from kerax import backend, ops
from op_checks import check

X = np.array([[3.0, -1.0, 2.0, 0.5], [np.nan, 4.0, -2.5, 1.0], [0.0, 6.0, 1.5, -3.0]], "float32")
CLEAN = np.nan_to_num(X, nan=2.0)
I = np.array([[3, -1, 2], [7, 0, -4]], "int32")

# name, kwargs: each compared with NumPy's function of the same name on X and CLEAN.
REDUCTIONS = [
    ("sum", {"axis": 1}), ("prod", {"axis": 0, "keepdims": True}), ("max", {"axis": -1}),
    ("min", {"axis": (0, 1)}),
    ("amax", {"axis": 0}), ("amin", {"axis": -2, "keepdims": True}), ("argmax", {"axis": 1}),
    ("argmin", {"axis": 0}), ("mean", {"axis": [0, 1]}), ("var", {"axis": 1}), ("std", {"axis": -1}),
    ("median", {"axis": 1, "keepdims": True}), ("ptp", {"axis": 0}), ("cumsum", {"axis": 1}),
    ("cumprod", {"axis": -1}), ("all", {"axis": 1}), ("any", {"axis": 0}), ("count_nonzero", {"axis": 1}),
]
NAN_REDUCTIONS = [
    ("nansum", {"axis": 0}), ("nanprod", {"axis": 1}), ("nanmax", {"axis": 0}), ("nanmin", {"axis": -1}),
    ("nanargmax", {"axis": 0}), ("nanargmin", {"axis": 1}), ("nanmean", {"axis": 0}), ("nanvar", {"axis": 0}),
    ("nanstd", {"axis": 1, "keepdims": True}), ("nanmedian", {"axis": 0}), ("nancumsum", {"axis": 0}),
    ("nancumprod", {"axis": 1}),
]


@pytest.mark.parametrize("name,kwargs", REDUCTIONS, ids=[r[0] for r in REDUCTIONS])
def test_reductions(name, kwargs):
    x = CLEAN if name.startswith("arg") else X
    numpy_kwargs = {k: tuple(v) if isinstance(v, list) else v for k, v in kwargs.items()}  # NumPy takes no lists
    check(getattr(ops, name)(x, **kwargs), getattr(np, name)(x, **numpy_kwargs), rtol=1e-5)


@pytest.mark.parametrize("name,kwargs", NAN_REDUCTIONS, ids=[r[0] for r in NAN_REDUCTIONS])
def test_nan_reductions_ignore_nan(name, kwargs):
    check(getattr(ops, name)(X, **kwargs), getattr(np, name)(X, **kwargs), rtol=1e-5)


def test_whole_array_reductions_and_initial():
    check(ops.sum(CLEAN), np.sum(CLEAN), rtol=1e-5)
    check(ops.max(X, axis=1, initial=10.0), np.max(X, axis=1, initial=10.0))
    check(ops.min(np.zeros((0, 2), "float32"), axis=0, initial=1.0), np.ones(2), dtype="float32")
    check(ops.argmax(CLEAN, keepdims=True), np.argmax(CLEAN, keepdims=True))


@pytest.mark.parametrize("name", ["mean", "var", "std", "median", "nanmean"])
def test_integer_statistics_are_floatx(name):
    check(getattr(ops, name)(I, axis=0), getattr(np, name)(I.astype("float64"), axis=0), dtype="float32")


def test_half_precision_mean_does_not_overflow():
    big = np.full((64,), 60000.0, "float16")
    check(ops.mean(big), np.float16(60000.0), dtype="float16")


@pytest.mark.parametrize("name", ["quantile", "percentile", "nanquantile", "nanpercentile"])
def test_quantiles(name):
    q = np.array([0.1, 0.5, 0.9], "float32") * (100 if "percentile" in name else 1)
    x = X if name.startswith("nan") else CLEAN
    for kwargs in ({"axis": 1}, {"axis": None, "keepdims": True}, {"axis": 0, "method": "nearest"}):
        check(getattr(ops, name)(x, q, **kwargs), getattr(np, name)(x, q, **kwargs), rtol=1e-5)


def test_average():
    weights = np.array([1.0, 2.0, 0.5, 0.0], "float32")
    check(ops.average(CLEAN, axis=1, weights=weights), np.average(CLEAN, axis=1, weights=weights), rtol=1e-5)
    check(ops.average(I), np.average(I), dtype="float32")


def test_empty_and_bool_inputs():
    empty = np.zeros((0, 3), "float32")
    check(ops.sum(empty, axis=0), np.zeros(3), dtype="float32")
    check(ops.mean(empty, axis=0), np.full(3, np.nan), dtype="float32")
    bools = np.array([[True, False], [True, True]])
    check(ops.sum(bools, axis=0), np.array([2, 1]), dtype="int32")
    check(ops.mean(bools), np.float32(0.75), dtype="float32")
    check(ops.count_nonzero(bools), np.int32(3))


def test_cumsum_flattens_without_axis_and_takes_dtype():
    check(ops.cumsum(I), np.cumsum(I))
    check(ops.cumprod(I, axis=1, dtype="float32"), np.cumprod(I, axis=1).astype("float32"))


def test_gradient_of_var():
    x = np.array([1.0, 2.0, 4.0], "float32")
    _, grad = backend.value_and_grad(lambda v: ops.var(v))(x)
    np.testing.assert_allclose(grad, 2 * (x - x.mean()) / 3, rtol=1e-5)


def test_compiled_ops_follow_floatx_changes():
    x = np.array([1, 2, 4], "int32")
    assert str(ops.median(x).dtype) == "float32"
    backend.set_floatx("float16")
    try:
        check(ops.median(x), np.float16(2.0), dtype="float16")  # not the program compiled under float32
    finally:
        backend.set_floatx("float32")
