"""Elementwise ops of kerax.ops.numpy against NumPy: floats with NaN/inf/zero, integers (float math gives
floatx), bools, empty arrays, broadcasting, Python lists and scalars."""
import math

import numpy as np
import pytest

from kerax import backend, ops
from op_checks import check

X = np.array([[-1.5, 0.0, 2.0], [np.nan, 0.5, -np.inf]], "float32")
I = np.array([[-3, 0, 7], [2, -1, 5]], "int32")
B = np.array([True, False, True])
EMPTY = np.zeros((0, 3), "float32")
ROW = np.array([0.5, -2.0, 3.0], "float32")

FLOAT_MATH = [
    "sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log1p", "log2", "log10", "sin", "cos", "tan", "arcsin",
    "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "sinc", "deg2rad", "rad2deg",
    "floor", "ceil", "i0",
]
SAME_DTYPE = ["abs", "absolute", "fabs", "negative", "square", "sign", "signbit", "isnan", "isinf", "isfinite",
              "isneginf", "isposinf", "isreal", "real", "imag", "conj", "conjugate", "copy", "logical_not"]


@pytest.mark.parametrize("name", FLOAT_MATH)
@pytest.mark.parametrize("x", [X, I], ids=["float", "int"])
def test_float_math(name, x):
    if name == "i0" and np.isinf(x).any():
        x = np.nan_to_num(x, neginf=-3.0)  # NumPy's i0 returns NaN at -inf
    with np.errstate(all="ignore"):
        expected = getattr(np, name)(x.astype("float64"))
    # floor and ceil of integers are floats in Keras.
    check(getattr(ops, name)(x), expected, dtype="float32", rtol=2e-5)


@pytest.mark.parametrize("name", SAME_DTYPE)
def test_dtype_preserving(name):
    check(getattr(ops, name)(X), getattr(np, name)(X))


@pytest.mark.parametrize("name", ["abs", "negative", "square", "sign", "isnan", "copy", "real"])
def test_integers_stay_integers(name):
    check(getattr(ops, name)(I), getattr(np, name)(I))


@pytest.mark.parametrize("name", ["sqrt", "exp", "abs", "isnan", "add", "greater"])
def test_empty_arrays(name):
    args = (EMPTY,) if name not in ("add", "greater") else (EMPTY, ROW)
    dtype = "bool" if name in ("isnan", "greater") else "float32"
    check(getattr(ops, name)(*args), getattr(np, name)(*args), dtype=dtype)


BINARY = [
    "add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "mod", "fmod", "power", "maximum",
    "minimum", "fmax", "fmin", "arctan2", "hypot", "logaddexp", "logaddexp2", "heaviside", "nextafter", "equal",
    "not_equal", "greater", "greater_equal", "less", "less_equal", "logical_and", "logical_or", "logical_xor",
]


@pytest.mark.parametrize("name", BINARY)
def test_binary_broadcasts(name):
    with np.errstate(all="ignore"):
        expected = getattr(np, name)(X, ROW)
    check(getattr(ops, name)(X, ROW), expected, rtol=2e-5)


@pytest.mark.parametrize("name", ["add", "multiply", "floor_divide", "mod", "maximum", "gcd", "lcm", "power"])
def test_binary_integers_stay_integers(name):
    b = np.array([2, 3, 1], "int32")
    check(getattr(ops, name)(I, b), getattr(np, name)(I, b))


def test_python_scalars_are_weakly_typed_and_lists_accepted():
    check(ops.add(np.array([1, 2], "int8"), 1), np.array([2, 3], "int8"))
    check(ops.multiply(np.array([1.0], "float16"), 2.5), np.array([2.5], "float16"))
    check(ops.add([1, 2], [3, 4]), np.array([4, 6], "int32"))
    check(ops.sqrt([4.0, 9.0]), np.array([2.0, 3.0], "float32"))


def test_float_math_of_mixed_ints_is_floatx():
    check(ops.arctan2(I, np.ones(3, "int32")), np.arctan2(I, 1.0), dtype="float32")
    check(ops.logaddexp2(I, I), np.logaddexp2(I, I.astype("float64")), dtype="float32")


def test_divide_no_nan():
    x = np.array([1.0, -2.0, 0.0, 3.0], "float32")
    y = np.array([2.0, 0.0, 0.0, -1.5], "float32")
    check(ops.divide_no_nan(x, y), np.array([0.5, 0.0, 0.0, -2.0]), dtype="float32")


def test_trunc_round_clip():
    check(ops.trunc(X), np.trunc(X))
    check(ops.trunc(I), I)
    check(ops.round(np.array([1.25, -2.5, 3.75], "float32"), 1), np.round([1.25, -2.5, 3.75], 1), dtype="float32")
    check(ops.round(np.array([149, -251], "int32"), -2), np.array([100, -300], "int32"))
    check(ops.clip(X, -1.0, 1.0), np.clip(X, -1.0, 1.0))
    check(ops.clip(B, 0, 0), np.zeros(3, "int32"))  # bool clips as int32, as in Keras


def test_ldexp_needs_integer_exponent():
    check(ops.ldexp(ROW, np.array([1, 2, -1], "int32")), np.ldexp(ROW, [1, 2, -1]))
    with pytest.raises(TypeError, match="integer dtype"):
        ops.ldexp(ROW, ROW)


def test_nan_to_num_and_closeness():
    check(ops.nan_to_num(X, nan=7.0, neginf=-9.0), np.nan_to_num(X, nan=7.0, neginf=-9.0))
    y = X + 1e-7
    check(ops.isclose(X, y, equal_nan=True), np.isclose(X, y, equal_nan=True))
    close = X * (1 + 1e-6)
    assert bool(ops.allclose(X, close, equal_nan=True)) and not bool(ops.allclose(X, close))
    assert not bool(ops.allclose(X, y, equal_nan=True))  # 0 vs 1e-7 is beyond atol=1e-8
    check(ops.isin(I, [0, 5, 9]), np.isin(I, [0, 5, 9]))
    check(ops.isin(I, [0, 5, 9], invert=True), np.isin(I, [0, 5, 9], invert=True))


def test_complex_parts():
    z = np.array([1 + 2j, -3j, -1.0], "complex64")
    for name in ["angle", "real", "imag", "conj", "isreal"]:
        check(getattr(ops, name)(z), getattr(np, name)(z))
    check(ops.angle(I), np.angle(I), dtype="float32")


BITWISE = {
    "bitwise_and": np.bitwise_and, "bitwise_or": np.bitwise_or, "bitwise_xor": np.bitwise_xor,
    "bitwise_left_shift": np.left_shift, "left_shift": np.left_shift, "bitwise_right_shift": np.right_shift,
    "right_shift": np.right_shift,
}


@pytest.mark.parametrize("name", sorted(BITWISE))
def test_bitwise(name):
    shifts = np.array([1, 2, 3], "int32")
    check(getattr(ops, name)(I, shifts), BITWISE[name](I, shifts))


def test_bitwise_invert_and_errors():
    check(ops.bitwise_invert(I), np.invert(I))
    check(ops.bitwise_not(B), np.invert(B))
    with pytest.raises(TypeError, match="integer or bool"):
        ops.bitwise_and(X, X)


def test_gradients_of_float_math():
    # d/dx cbrt(x) = x**(-2/3) / 3 and d/dx hypot(x, 3) = x / hypot(x, 3), checked at x = 2.
    _, grad = backend.value_and_grad(lambda x: ops.sum(ops.cbrt(x) + ops.hypot(x, 3.0)))(np.float32(2.0))
    assert math.isclose(float(grad), 2.0 ** (-2 / 3) / 3 + 2 / math.hypot(2, 3), rel_tol=1e-5)
