"""einops-style tensor rearrangement (`keras.ops.rearrange`)."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = ("rearrange",)
_export(globals(), _backend.op_family("einops"), __all__)
