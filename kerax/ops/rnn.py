"""Recurrent ops: a compiled loop over time steps."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = ("rnn",)
_export(globals(), _backend.op_family("rnn"), __all__)
