"""tf.keras 2's elementwise math, comparisons and reductions (`K.mean(x, axis=-1)`, `K.square`, ...).

The names shadow Python's builtins (max, sum, abs, ...) inside this module, as in tf.keras's."""
import numpy as np

from kerax.backend import config, engine
from kerax.backend.keras2.graph import symbolic_aware

np_ = engine.numpy


def tensor(x):
    return engine.convert_to_tensor(x)


def _as_float_if_bool(x):
    x = tensor(x)
    return engine.cast(x, config.floatx()) if x.dtype == bool else x


def _named(op, name, doc):
    op.__name__ = op.__qualname__ = name
    op.__doc__ = doc
    return symbolic_aware(op)


def _unary(name, compute):
    def op(x):
        return compute(tensor(x))

    return _named(op, name, f"Elementwise {name} of x.")


def _binary(name, compute):
    def op(x, y):
        return compute(tensor(x), tensor(y))

    return _named(op, name, f"Elementwise {name} of x and y (broadcast).")


def _reduction(name, compute, float_bools=False):
    def op(x, axis=None, keepdims=False):
        x = _as_float_if_bool(x) if float_bools else tensor(x)
        return compute(x, axis=_axis(axis), keepdims=keepdims)

    return _named(op, name, f"{name} of x over `axis` (all axes when None).")


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


abs = _unary("abs", np_.abs)
square = _unary("square", np_.square)
exp = _unary("exp", np_.exp)
log = _unary("log", np_.log)
round = _unary("round", np_.round)  # half to even, as tf.round
sign = _unary("sign", np_.sign)
sin = _unary("sin", np_.sin)
cos = _unary("cos", np_.cos)
# tf.keras clips negative inputs to 0 first.
sqrt = _unary("sqrt", lambda x: np_.sqrt(np_.maximum(x, np_.zeros_like(x))))

equal = _binary("equal", np_.equal)
not_equal = _binary("not_equal", np_.not_equal)
greater = _binary("greater", np_.greater)
greater_equal = _binary("greater_equal", np_.greater_equal)
less = _binary("less", np_.less)
less_equal = _binary("less_equal", np_.less_equal)
maximum = _binary("maximum", np_.maximum)
minimum = _binary("minimum", np_.minimum)

max = _reduction("max", np_.max)
min = _reduction("min", np_.min)
sum = _reduction("sum", np_.sum)
prod = _reduction("prod", np_.prod)
mean = _reduction("mean", np_.mean, float_bools=True)
std = _reduction("std", np_.std, float_bools=True)
var = _reduction("var", np_.var, float_bools=True)
any = _reduction("any", np_.any)
all = _reduction("all", np_.all)


@symbolic_aware
def pow(x, a):
    """x to the power a (elementwise)."""
    return np_.power(tensor(x), a)


@symbolic_aware
def clip(x, min_value, max_value):
    """x clipped to [min_value, max_value]; None means unbounded; a max below the min is raised to it."""
    if isinstance(min_value, (int, float)) and isinstance(max_value, (int, float)) and max_value < min_value:
        max_value = min_value
    min_value = -np.inf if min_value is None else min_value
    max_value = np.inf if max_value is None else max_value
    x = tensor(x)
    low, high = engine.cast(tensor(min_value), x.dtype), engine.cast(tensor(max_value), x.dtype)
    return np_.minimum(np_.maximum(x, low), high)


@symbolic_aware
def argmax(x, axis=-1):
    return np_.argmax(tensor(x), axis=axis)


@symbolic_aware
def argmin(x, axis=-1):
    return np_.argmin(tensor(x), axis=axis)


@symbolic_aware
def cumsum(x, axis=0):
    return np_.cumsum(tensor(x), axis=axis)


@symbolic_aware
def cumprod(x, axis=0):
    return np_.cumprod(tensor(x), axis=axis)

