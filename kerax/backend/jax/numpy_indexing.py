"""Indexing, selection, sorting and searching ops (JAX)."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import compiled, tensor

__all__ = [
    "take", "take_along_axis", "get_item", "where", "select", "nonzero", "unravel_index", "sort", "argsort",
    "argpartition", "searchsorted", "digitize", "unique",
]


def take(x, indices, axis=None):
    return jnp.take(tensor(x), tensor(indices), axis=axis)


def take_along_axis(x, indices, axis=None):
    return jnp.take_along_axis(tensor(x), tensor(indices), axis=axis)


def get_item(x, key):
    return tensor(x)[key]


def where(condition, x1=None, x2=None):
    if (x1 is None) != (x2 is None):
        raise ValueError("where: give both `x1` and `x2`, or neither (then it returns the indices of the "
                         f"nonzero elements). Received x1={x1!r}, x2={x2!r}.")
    if x1 is None:
        return jnp.nonzero(tensor(condition))
    return jnp.where(tensor(condition), tensor(x1), tensor(x2))


def select(condlist, choicelist, default=0):
    return jnp.select([tensor(c) for c in condlist], [tensor(c) for c in choicelist], default)


def nonzero(x):
    return jnp.nonzero(tensor(x))


def unravel_index(indices, shape):
    return jnp.unravel_index(tensor(indices), shape)


def sort(x, axis=-1):
    return jnp.sort(tensor(x), axis=axis)


def argsort(x, axis=-1):
    x = tensor(x)
    return jnp.argsort(x, axis=None if x.ndim == 0 else axis)


def argpartition(x, kth, axis=-1):
    x = tensor(x)
    if axis is None:
        x, axis = jnp.ravel(x), 0
    return jnp.argpartition(x, kth, axis=axis)


@compiled("side")
def searchsorted(sorted_sequence, values, side="left"):
    sorted_sequence = tensor(sorted_sequence)
    if sorted_sequence.ndim != 1:
        raise ValueError("searchsorted: `sorted_sequence` must be 1-D (use `ops.vectorized_map` for N-D), "
                         f"received shape {sorted_sequence.shape}.")
    return jnp.searchsorted(sorted_sequence, tensor(values), side=side)


@compiled()
def digitize(x, bins):
    return jnp.digitize(tensor(x), tensor(bins)).astype("int32")


def unique(x, sorted=True, return_index=False, return_inverse=False, return_counts=False, axis=None, size=None,
           fill_value=None):
    return jnp.unique(tensor(x), return_index=return_index, return_inverse=return_inverse,
                      return_counts=return_counts, axis=axis, equal_nan=False, size=size, fill_value=fill_value,
                      sorted=sorted)
