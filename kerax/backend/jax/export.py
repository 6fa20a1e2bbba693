"""Serialized programs (jax.export): a function of (state, *inputs) lowered to StableHLO with the inputs'
unknown dimensions left symbolic (one shared batch size), so one artifact serves every batch size; reloading
needs neither the function's Python code nor kerax's layers."""
import jax
from jax import export as jax_export


def _dimension(n, index, axis):
    """A free leading dimension is the batch, shared by all inputs; other free ones are each their own."""
    if n is not None:
        return str(n)
    return "batch" if axis == 0 else f"d{index}_{axis}"


def _input_struct(spec, index, scope):
    shape, dtype = spec
    dims = ", ".join(_dimension(n, index, axis) for axis, n in enumerate(shape))
    return jax.ShapeDtypeStruct(jax_export.symbolic_shape(dims or "", scope=scope), dtype)


def export_function(fn, state, input_specs):
    """`fn(state, *inputs)` for inputs given as (shape with None for unknown dimensions, dtype): bytes."""
    scope = jax_export.SymbolicScope()
    inputs = [_input_struct(spec, i, scope) for i, spec in enumerate(input_specs)]
    state_structs = jax.tree.map(lambda a: jax.ShapeDtypeStruct(a.shape, a.dtype), state)
    return bytes(jax_export.export(jax.jit(fn))(state_structs, *inputs).serialize())


def load_exported(data):
    """The callable `(state, *inputs) -> outputs` a serialized program runs."""
    return jax_export.deserialize(bytearray(data)).call
