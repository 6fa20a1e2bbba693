"""The Variable: a named, mutable array owned by a layer, optimizer or metric.

`value` consults the active stateless scope first (see stateless_scope.py); engines subclass this to store
their own array type (`_convert_to_tensor`, `_direct_assign`).
"""
import numpy as np

from kerax.backend.common import dtypes, host_data, structure_version
from kerax.backend.common.autocast_scope import get_autocast_scope
from kerax.backend.common.name_scope import scoped
from kerax.backend.common.stateless_scope import get_stateless_scope


def standardize_shape(shape):
    if shape is None:
        raise ValueError("Undefined shapes are not supported: expected a tuple of integers.")
    if hasattr(shape, "as_list"):  # TensorShape
        shape = shape.as_list()
    if isinstance(shape, (int, np.integer)):
        shape = (shape,)
    shape = tuple(shape)
    out = []
    for d in shape:
        if d is None:
            out.append(None)
            continue
        if hasattr(d, "value"):  # old tf.Dimension
            d = d.value
        if not isinstance(d, (int, np.integer)) or d < 0:
            raise ValueError(f"Cannot use shape {shape}: every dimension must be a non-negative int or None.")
        out.append(int(d))
    return tuple(out)


class Variable:
    def __init__(self, initializer, shape=None, dtype=None, trainable=True, name=None, constraint=None,
                 regularizer=None, autocast=True, aggregation="mean"):
        name = name or "variable"
        structure_version.bump()
        if not isinstance(name, str) or "/" in name:
            raise ValueError(f"Variable name must be a string without '/', received: {name!r}")
        self.name = name
        self.path = scoped(name)
        self.trainable = bool(trainable)
        self.constraint = constraint
        self.regularizer = regularizer
        self.autocast = autocast
        self.aggregation = aggregation
        if callable(initializer):
            if shape is None:
                raise ValueError(f"Variable '{name}': an initializer needs a `shape`.")
            self._dtype = dtypes.standardize_dtype(dtype)
            shape = standardize_shape(shape)
            value = self._run_initializer(initializer, shape)
        else:
            value = initializer
            if dtype is None:
                dtype = host_data.host_dtype(value) if hasattr(value, "dtype") else None
            self._dtype = dtypes.standardize_dtype(dtype)
        self._value = self._convert_to_tensor(value)
        if shape is not None and tuple(self._value.shape) != standardize_shape(shape):
            raise ValueError(
                f"Variable '{name}': initial value has shape {tuple(self._value.shape)}, "
                f"expected {standardize_shape(shape)}."
            )

    # --- engine hooks -------------------------------------------------------------------------------------
    def _convert_to_tensor(self, value):
        raise NotImplementedError

    def _run_initializer(self, initializer, shape):
        return initializer(shape, dtype=self._dtype)

    # --- state --------------------------------------------------------------------------------------------
    @property
    def value(self):
        value = self._value
        scope = get_stateless_scope()
        if scope is not None:
            scoped = scope.get_current_value(self)
            if scoped is not None:
                value = scoped
        autocast = get_autocast_scope()
        if autocast is not None and self.autocast:
            return autocast.maybe_cast(value, self._cast)
        return value

    def _cast(self, value, dtype):
        raise NotImplementedError

    def raw_state(self):
        """The stored engine array, whatever scope is active."""
        return self._value

    def replace_state(self, array):
        """Swaps in an engine array of this variable's shape and dtype (a compiled step's new state), unchecked."""
        self._value = array

    def assign(self, value):
        value = self._convert_to_tensor(value)
        if tuple(value.shape) != self.shape:
            raise ValueError(
                f"Cannot assign a value of shape {tuple(value.shape)} to variable '{self.path}' "
                f"of shape {self.shape}."
            )
        scope = get_stateless_scope()
        if scope is not None:
            scope.add_update(self, value)
        else:
            self._value = value
        return value

    def assign_add(self, value):
        return self.assign(self.value + value)

    def assign_sub(self, value):
        return self.assign(self.value - value)

    def numpy(self):
        return np.array(self.value)

    @property
    def shape(self):
        return tuple(self._value.shape)

    @property
    def dtype(self):
        return self._dtype

    @property
    def ndim(self):
        return len(self.shape)

    def __repr__(self):
        return f"<Variable path={self.path}, shape={self.shape}, dtype={self.dtype}>"

    def __array__(self, dtype=None, copy=None):
        return np.asarray(self.value, dtype=dtype)

    def __len__(self):
        return self.shape[0]

    def __getitem__(self, idx):
        return self.value[idx]

    # Arithmetic reads the current value, so `x * self.kernel` works in layer code.
    def __neg__(self): return -self.value
    def __pos__(self): return self.value
    def __abs__(self): return abs(self.value)
    def __add__(self, o): return self.value + _unwrap(o)
    def __radd__(self, o): return _unwrap(o) + self.value
    def __sub__(self, o): return self.value - _unwrap(o)
    def __rsub__(self, o): return _unwrap(o) - self.value
    def __mul__(self, o): return self.value * _unwrap(o)
    def __rmul__(self, o): return _unwrap(o) * self.value
    def __truediv__(self, o): return self.value / _unwrap(o)
    def __rtruediv__(self, o): return _unwrap(o) / self.value
    def __pow__(self, o): return self.value ** _unwrap(o)
    def __rpow__(self, o): return _unwrap(o) ** self.value
    def __matmul__(self, o): return self.value @ _unwrap(o)
    def __rmatmul__(self, o): return _unwrap(o) @ self.value
    def __lt__(self, o): return self.value < _unwrap(o)
    def __le__(self, o): return self.value <= _unwrap(o)
    def __gt__(self, o): return self.value > _unwrap(o)
    def __ge__(self, o): return self.value >= _unwrap(o)
    def __float__(self): return float(self.value)
    def __int__(self): return int(self.value)
    def __bool__(self): return bool(self.value)

    __hash__ = object.__hash__


def _unwrap(x):
    return x.value if isinstance(x, Variable) else x
