"""Scatter ops (JAX): values written (or combined) into a tensor at index tuples. `indices` has shape
(num_updates, index_depth); each row indexes the leading `index_depth` axes."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import compiled, tensor

__all__ = ["scatter", "scatter_update"]

_REDUCTIONS = ("add", "max", "min", "mul")


def _index_tuple(indices):
    return tuple(jnp.moveaxis(tensor(indices), -1, 0))


@compiled("shape")
def scatter(indices, values, shape):
    """A zeros tensor of `shape` with `values` added at `indices` (repeated indices add up)."""
    values = tensor(values)
    return jnp.zeros(shape, values.dtype).at[_index_tuple(indices)].add(values)


def scatter_update(inputs, indices, updates, reduction=None):
    """`inputs` with `updates` written at `indices`, or combined with what is there by `reduction`
    ('add', 'max', 'min' or 'mul')."""
    reduction = None if reduction is None else reduction.lower()
    if reduction is not None and reduction not in _REDUCTIONS:
        raise ValueError(f"scatter_update: `reduction` must be None or one of {_REDUCTIONS}, "
                         f"received reduction={reduction!r}.")
    return _scatter_update(inputs, indices, updates, reduction)


@compiled("reduction")
def _scatter_update(inputs, indices, updates, reduction):
    target = tensor(inputs).at[_index_tuple(indices)]
    updates = tensor(updates)
    if reduction is None:
        return target.set(updates)
    return {"add": target.add, "max": target.max, "min": target.min, "mul": target.multiply}[reduction](updates)
