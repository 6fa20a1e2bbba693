"""Elementwise NumPy-like ops (JAX): arithmetic, float math, comparisons, logic, bitwise, predicates.

Float math on integer or bool inputs computes in `floatx()`, as Keras does."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import as_float, binary, compiled, is_int_or_bool, tensor, unary

__all__ = [
    "abs", "absolute", "fabs", "add", "subtract", "multiply", "divide", "true_divide", "divide_no_nan",
    "floor_divide", "mod", "fmod", "power", "negative", "square", "sqrt", "cbrt", "reciprocal", "sign", "signbit",
    "exp", "exp2", "expm1", "log", "log1p", "log2", "log10", "logaddexp", "logaddexp2",
    "sin", "cos", "tan", "arcsin", "arccos", "arctan", "arctan2", "sinh", "cosh", "tanh", "arcsinh", "arccosh",
    "arctanh", "sinc", "deg2rad", "rad2deg", "hypot", "i0", "heaviside", "ldexp", "nextafter",
    "floor", "ceil", "trunc", "round", "clip", "maximum", "minimum", "fmax", "fmin", "gcd", "lcm",
    "angle", "real", "imag", "conj", "conjugate", "copy", "nan_to_num",
    "isnan", "isinf", "isfinite", "isneginf", "isposinf", "isreal", "isclose", "allclose", "isin",
    "equal", "not_equal", "greater", "greater_equal", "less", "less_equal",
    "logical_and", "logical_or", "logical_not", "logical_xor",
    "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_invert", "bitwise_not", "bitwise_left_shift",
    "bitwise_right_shift", "left_shift", "right_shift",
]

abs = absolute = unary(jnp.absolute)
fabs = unary(jnp.fabs)
add, subtract, multiply = binary(jnp.add), binary(jnp.subtract), binary(jnp.multiply)
divide = true_divide = binary(jnp.true_divide)
floor_divide, mod, fmod, power = binary(jnp.floor_divide), binary(jnp.mod), binary(jnp.fmod), binary(jnp.power)
negative, square, reciprocal = unary(jnp.negative), unary(jnp.square), unary(jnp.reciprocal)
sign = unary(jnp.sign)
signbit = unary(jnp.signbit)
sqrt, cbrt = unary(jnp.sqrt, floating=True), unary(jnp.cbrt, floating=True)
exp, exp2, expm1 = unary(jnp.exp, floating=True), unary(jnp.exp2, floating=True), unary(jnp.expm1, floating=True)
log, log1p = unary(jnp.log, floating=True), unary(jnp.log1p, floating=True)
log2, log10 = unary(jnp.log2, floating=True), unary(jnp.log10, floating=True)
logaddexp, logaddexp2 = binary(jnp.logaddexp, floating=True), binary(jnp.logaddexp2, floating=True)
sin, cos, tan = unary(jnp.sin, floating=True), unary(jnp.cos, floating=True), unary(jnp.tan, floating=True)
arcsin, arccos = unary(jnp.arcsin, floating=True), unary(jnp.arccos, floating=True)
arctan, arctan2 = unary(jnp.arctan, floating=True), binary(jnp.arctan2, floating=True)
sinh, cosh, tanh = unary(jnp.sinh, floating=True), unary(jnp.cosh, floating=True), unary(jnp.tanh, floating=True)
arcsinh, arccosh = unary(jnp.arcsinh, floating=True), unary(jnp.arccosh, floating=True)
arctanh, sinc = unary(jnp.arctanh, floating=True), unary(jnp.sinc, floating=True)
deg2rad, rad2deg = unary(jnp.deg2rad, floating=True), unary(jnp.rad2deg, floating=True)
hypot, i0 = binary(jnp.hypot, floating=True), unary(jnp.i0, floating=True)
heaviside, nextafter = binary(jnp.heaviside), binary(jnp.nextafter, floating=True)
floor, ceil = unary(jnp.floor, floating=True), unary(jnp.ceil, floating=True)
maximum, minimum, fmax, fmin = binary(jnp.maximum), binary(jnp.minimum), binary(jnp.fmax), binary(jnp.fmin)
gcd, lcm = binary(jnp.gcd), binary(jnp.lcm)
angle = unary(jnp.angle, floating=True)
real, imag, copy = unary(jnp.real), unary(jnp.imag), unary(jnp.copy)
conj = conjugate = unary(jnp.conjugate)
isnan, isinf, isfinite = unary(jnp.isnan), unary(jnp.isinf), unary(jnp.isfinite)
isneginf, isposinf, isreal = unary(jnp.isneginf), unary(jnp.isposinf), unary(jnp.isreal)
equal, not_equal = binary(jnp.equal), binary(jnp.not_equal)
greater, greater_equal, less, less_equal = (
    binary(jnp.greater), binary(jnp.greater_equal), binary(jnp.less), binary(jnp.less_equal))
logical_and, logical_or = binary(jnp.logical_and), binary(jnp.logical_or)
logical_xor, logical_not = binary(jnp.logical_xor), unary(jnp.logical_not)


@compiled()
def divide_no_nan(x1, x2):
    """x1 / x2, and 0 where x2 is 0."""
    x1, x2 = tensor(x1), tensor(x2)
    safe = jnp.where(x2 == 0, jnp.ones_like(x2), x2)
    return jnp.where(x2 == 0, 0, jnp.true_divide(x1, safe))


def trunc(x):
    x = tensor(x)
    return x if is_int_or_bool(x.dtype) else jnp.trunc(x)


@compiled("decimals")
def round(x, decimals=0):
    x = tensor(x)
    if is_int_or_bool(x.dtype) and decimals < 0:
        # jnp.round leaves integers alone for negative decimals; Keras rounds them (to the nearest 10**-decimals).
        factor = 10.0 ** decimals
        return (jnp.round(as_float(x) * factor) / factor).astype(x.dtype)
    return jnp.round(x, decimals=decimals)


def clip(x, x_min, x_max):
    x = tensor(x)
    if x.dtype == jnp.bool_:
        x = x.astype("int32")
    return jnp.clip(x, x_min, x_max)


@compiled()
def ldexp(x1, x2):
    x1, x2 = tensor(x1), tensor(x2)
    if not jnp.issubdtype(x2.dtype, jnp.integer):
        raise TypeError(f"ldexp: the exponent `x2` must have an integer dtype, received dtype {x2.dtype}. "
                        "Cast it with `ops.cast(x2, 'int32')`.")
    return jnp.ldexp(as_float(x1), x2)


def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    return jnp.nan_to_num(tensor(x), nan=nan, posinf=posinf, neginf=neginf)


def isclose(x1, x2, rtol=1e-5, atol=1e-8, equal_nan=False):
    return jnp.isclose(tensor(x1), tensor(x2), rtol=rtol, atol=atol, equal_nan=equal_nan)


def allclose(x1, x2, rtol=1e-5, atol=1e-8, equal_nan=False):
    return jnp.allclose(tensor(x1), tensor(x2), rtol=rtol, atol=atol, equal_nan=equal_nan)


def isin(x1, x2, assume_unique=False, invert=False):
    return jnp.isin(tensor(x1), tensor(x2), assume_unique=assume_unique, invert=invert)


def _integers(name, *xs):
    xs = [tensor(x) for x in xs]
    for x in xs:
        if not is_int_or_bool(x.dtype):
            raise TypeError(f"{name}: expected integer or bool tensors, received dtype {x.dtype}. "
                            "Cast the input with `ops.cast(x, 'int32')` first.")
    return xs


def bitwise_and(x, y):
    return jnp.bitwise_and(*_integers("bitwise_and", x, y))


def bitwise_or(x, y):
    return jnp.bitwise_or(*_integers("bitwise_or", x, y))


def bitwise_xor(x, y):
    return jnp.bitwise_xor(*_integers("bitwise_xor", x, y))


def bitwise_invert(x):
    return jnp.invert(*_integers("bitwise_invert", x))


bitwise_not = bitwise_invert


def bitwise_left_shift(x, y):
    return jnp.left_shift(*_integers("bitwise_left_shift", x, y))


def bitwise_right_shift(x, y):
    return jnp.right_shift(*_integers("bitwise_right_shift", x, y))


left_shift, right_shift = bitwise_left_shift, bitwise_right_shift
