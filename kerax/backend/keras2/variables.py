"""tf.keras 2's variables and constants: `K.variable`, `K.get_value` / `K.set_value`, `K.update_add`,
`K.moving_average_update`, ... acting on kerax Variables. Creators that tf.keras makes variables (`K.zeros`,
`K.ones`, `K.eye`, the random ones) return Variables here too."""
import numpy as np

from kerax.backend import config, engine
from kerax.backend.common import is_keras_tensor, naming
from kerax.backend.keras2.random import random_normal, random_uniform

_settings = {"manual_variable_initialization": False}


def _floatx(dtype):
    return config.floatx() if dtype is None else dtype


def variable(value, dtype=None, name=None, constraint=None):
    """A Variable holding `value` (dtype floatx() unless given)."""
    return engine.Variable(engine.convert_to_tensor(value, _floatx(dtype)), dtype=_floatx(dtype), name=name,
                           constraint=constraint)


def constant(value, dtype=None, shape=None, name=None):
    """A tensor of `value`; with `shape`, a scalar fills it and other values are reshaped to it."""
    value = np.asarray(value, dtype=np.dtype(_floatx(dtype)))
    if shape is not None:
        shape = tuple(shape)
        value = np.full(shape, value.item(), value.dtype) if value.size == 1 else value.reshape(shape)
    return engine.convert_to_tensor(value)


def zeros(shape, dtype=None, name=None):
    return variable(np.zeros(tuple(shape)), dtype, name)


def ones(shape, dtype=None, name=None):
    return variable(np.ones(tuple(shape)), dtype, name)


def eye(size, dtype=None, name=None):
    """An identity-matrix Variable; `size` is n or (rows, columns)."""
    rows, columns = (size, size) if isinstance(size, int) else tuple(size)
    return variable(np.eye(rows, columns), dtype, name)


def zeros_like(x, dtype=None, name=None):
    return engine.numpy.zeros_like(engine.convert_to_tensor(x), dtype=dtype)


def ones_like(x, dtype=None, name=None):
    return engine.numpy.ones_like(engine.convert_to_tensor(x), dtype=dtype)


def random_uniform_variable(shape, low, high, dtype=None, name=None, seed=None):
    return variable(random_uniform(shape, low, high, _floatx(dtype), seed), dtype, name)


def random_normal_variable(shape, mean, scale, dtype=None, name=None, seed=None):
    return variable(random_normal(shape, mean, scale, _floatx(dtype), seed), dtype, name)


def cast_to_floatx(x):
    """A tensor or Variable cast to floatx(); other values become NumPy arrays of floatx()."""
    if engine.is_tensor(x) or isinstance(x, engine.Variable):
        return engine.cast(engine.convert_to_tensor(x), config.floatx())
    return np.asarray(x, dtype=config.floatx())


def get_value(x):
    """The value of a Variable or tensor as a NumPy array (other values unchanged)."""
    if is_keras_tensor(x):
        raise ValueError(f"K.get_value / K.eval: {x} is symbolic (a K.placeholder or kerax.Input, or "
                         "computed from one) and has no value. Feed values through "
                         "`K.function([inputs], [outputs])` or a kerax.Model built on it.")
    if engine.is_tensor(x) or isinstance(x, engine.Variable):
        return engine.convert_to_numpy(x)
    return x


def eval(x):
    return get_value(x)


def batch_get_value(tensors):
    """The values of several Variables or tensors, in one transfer."""
    return list(engine.to_host([getattr(t, "value", t) for t in tensors]))


def set_value(x, value):
    """Assigns `value` (cast to the Variable's dtype) to Variable x."""
    x.assign(np.asarray(value, dtype=np.dtype(x.dtype)))


def batch_set_value(tuples):
    """`set_value` for each (Variable, value) pair."""
    for x, value in tuples:
        set_value(x, value)


def update(x, new_x):
    x.assign(new_x)
    return x


def update_add(x, increment):
    x.assign_add(increment)
    return x


def update_sub(x, decrement):
    x.assign_sub(decrement)
    return x


def moving_average_update(x, value, momentum):
    """x <- x * momentum + value * (1 - momentum); returns x."""
    return update_sub(x, (x.value - engine.cast(engine.convert_to_tensor(value), x.dtype)) * (1 - momentum))


def count_params(x):
    """The number of scalars in x."""
    return int(np.prod(tuple(x.shape), dtype=np.int64))


def manual_variable_initialization(value):
    """Recorded for compatibility: kerax Variables always hold their value from creation, so there is no
    separate initialization step to skip."""
    _settings["manual_variable_initialization"] = bool(value)


def reset_uids():
    """Resets default layer names and `get_uid` counts."""
    naming.reset()
