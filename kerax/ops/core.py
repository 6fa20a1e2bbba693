"""Core ops of `keras.ops`: slices whose start indices may be tensors."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = ("slice", "slice_update")
_export(globals(), _backend.slicing, __all__)
