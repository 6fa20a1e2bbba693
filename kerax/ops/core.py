"""Core ops of `keras.ops`: tensor conversion and casts, control flow, scatter, slices, unstacking."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

_CONTROL_FLOW = (
    "cond", "switch", "scan", "associative_scan", "map", "vectorized_map", "fori_loop", "while_loop",
    "custom_gradient",
)
_CONVERSION = ("cast", "convert_to_tensor", "stop_gradient")
# Read a tensor's shape or dtype, or only make sense on real values: not graph nodes.
_PLAIN = ("shape", "is_tensor", "convert_to_numpy")
__all__ = _CONTROL_FLOW + _CONVERSION + _PLAIN + (
    "dtype", "saturate_cast", "unstack", "scatter", "scatter_update", "slice", "slice_update")

_export(globals(), _backend.op_family("control_flow"), _CONTROL_FLOW, plain=("custom_gradient",))
_export(globals(), _backend.op_family("core"), _CONVERSION + _PLAIN, plain=_PLAIN)
_export(globals(), _backend.op_family("tensor_ops"), ("dtype", "saturate_cast", "unstack"), plain=("dtype",))
_export(globals(), _backend.op_family("scatter"), ("scatter", "scatter_update"))
_export(globals(), _backend.op_family("slicing"), ("slice", "slice_update"))
