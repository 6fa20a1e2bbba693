"""Core ops of `keras.ops`: tensor conversion and casts, control flow, scatter, unstacking."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

_CONTROL_FLOW = (
    "cond", "switch", "scan", "associative_scan", "map", "vectorized_map", "fori_loop", "while_loop",
    "custom_gradient",
)
_TENSORS = ("cast", "saturate_cast", "convert_to_tensor", "stop_gradient", "unstack")
# Read a tensor's shape or dtype, or only make sense on real values: not graph nodes.
_PLAIN = ("shape", "dtype", "is_tensor", "convert_to_numpy")
__all__ = _CONTROL_FLOW + _TENSORS + _PLAIN + ("scatter", "scatter_update")

_export(globals(), _backend.control_flow, _CONTROL_FLOW, plain=("custom_gradient",))
_export(globals(), _backend.core, _TENSORS + _PLAIN, plain=_PLAIN)
_export(globals(), _backend.scatter, ("scatter", "scatter_update"))
