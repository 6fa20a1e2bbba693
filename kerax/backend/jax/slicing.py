"""Slices with start indices that may be traced values (`ops.slice`, `ops.slice_update`). (JAX)

Start indices are clamped so that the slice lies inside the input, as `lax.dynamic_slice` does.
"""
import jax
import jax.numpy as jnp

from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.numpy import _op


@_op
def slice(inputs, start_indices, shape):
    """The block of `shape` starting at `start_indices`; a -1 in `shape` takes the rest of that axis (the
    start index must then be a Python integer)."""
    inputs = convert_to_tensor(inputs)
    _check_rank(inputs, start_indices, "start_indices", "slice")
    _check_rank(inputs, shape, "shape", "slice")
    sizes = tuple(n - int(start) if int(size) == -1 else int(size)
                  for n, start, size in zip(inputs.shape, start_indices, shape))
    return jax.lax.dynamic_slice(inputs, _starts(start_indices), sizes)


@_op
def slice_update(inputs, start_indices, updates):
    """`inputs` with the block at `start_indices` replaced by `updates` (cast to the inputs' dtype)."""
    inputs = convert_to_tensor(inputs)
    updates = convert_to_tensor(updates, dtype=inputs.dtype)
    _check_rank(inputs, start_indices, "start_indices", "slice_update")
    if updates.ndim != inputs.ndim:
        raise ValueError(f"slice_update: `updates` must have the rank of `inputs` ({inputs.ndim}); received "
                         f"updates of shape {updates.shape}.")
    return jax.lax.dynamic_update_slice(inputs, updates, _starts(start_indices))


def _starts(start_indices):
    return [jnp.asarray(s, "int32") if isinstance(s, (jax.Array, jax.core.Tracer)) else int(s)
            for s in start_indices]


def _check_rank(inputs, values, name, op):
    if len(values) != inputs.ndim:
        raise ValueError(f"{op}: `{name}` needs one entry per axis of `inputs` ({inputs.ndim}); received "
                         f"{name}={values!r} for inputs of shape {inputs.shape}.")
