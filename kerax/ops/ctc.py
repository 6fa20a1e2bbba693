"""Connectionist temporal classification: loss and decoding."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = ("ctc_loss", "ctc_decode")
_export(globals(), _backend.ctc, __all__)
