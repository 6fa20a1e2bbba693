"""Mixed precision: inside a layer whose policy computes in float16/bfloat16 with float32 variables, reading a
float Variable (that allows autocast) gives its value cast to the compute dtype. The variable itself keeps
float32, so gradients and optimizer updates stay in float32. Layers open the scope around `call`."""
import threading

from kerax.backend.common.dtypes import standardize_dtype

_state = threading.local()


def get_autocast_scope():
    return getattr(_state, "scope", None)


def _is_float(dtype):
    return standardize_dtype(dtype).startswith(("float", "bfloat"))


class AutocastScope:
    """`dtype`: the dtype float variables are read as (None: no casting, e.g. inside a float32 layer)."""

    def __init__(self, dtype):
        self.dtype = None if dtype is None else standardize_dtype(dtype)

    def maybe_cast(self, value, cast):
        if self.dtype is not None and _is_float(value.dtype) and standardize_dtype(value.dtype) != self.dtype:
            return cast(value, self.dtype)
        return value

    def __enter__(self):
        self._previous = get_autocast_scope()
        _state.scope = self

    def __exit__(self, *exc):
        _state.scope = self._previous


def scope_for_layer(compute_dtype, variable_dtype, autocast):
    """The scope a layer's call runs in, or None to keep the current one (Keras 3's rule)."""
    current = get_autocast_scope()
    if current is not None:
        if not autocast or not _is_float(compute_dtype):
            return AutocastScope(None)
        return AutocastScope(compute_dtype) if current.dtype != standardize_dtype(compute_dtype) else None
    if standardize_dtype(compute_dtype) != standardize_dtype(variable_dtype):
        return AutocastScope(compute_dtype)
    return None
