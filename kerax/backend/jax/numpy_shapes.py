"""Shape, order and indexing ops (JAX): reshaping, joining and splitting, flips and rolls, sorting and
searching, indexing."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import tensor

__all__ = [
    "reshape", "transpose", "swapaxes", "moveaxis", "expand_dims", "squeeze", "ravel", "broadcast_to",
    "concatenate", "stack", "hstack", "vstack", "dstack", "append", "split", "array_split", "hsplit", "vsplit",
    "dsplit", "tile", "repeat", "pad", "flip", "fliplr", "flipud", "rot90", "roll",
    "take", "take_along_axis", "get_item", "where", "select", "nonzero", "unravel_index",
    "sort", "argsort", "argpartition", "searchsorted", "digitize", "unique", "size", "ndim", "view", "vectorize",
]


def _tuple(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def reshape(x, newshape):
    return jnp.reshape(tensor(x), newshape)


def transpose(x, axes=None):
    return jnp.transpose(tensor(x), axes)


def swapaxes(x, axis1, axis2):
    return jnp.swapaxes(tensor(x), axis1, axis2)


def moveaxis(x, source, destination):
    return jnp.moveaxis(tensor(x), source, destination)


def expand_dims(x, axis):
    return jnp.expand_dims(tensor(x), _tuple(axis))


def squeeze(x, axis=None):
    return jnp.squeeze(tensor(x), _tuple(axis))


def ravel(x):
    return jnp.ravel(tensor(x))


def broadcast_to(x, shape):
    return jnp.broadcast_to(tensor(x), shape)


def concatenate(xs, axis=0):
    return jnp.concatenate([tensor(x) for x in xs], axis=axis)


def stack(x, axis=0):
    return jnp.stack([tensor(t) for t in x], axis=axis)


def hstack(xs):
    return jnp.hstack([tensor(x) for x in xs])


def vstack(xs):
    return jnp.vstack([tensor(x) for x in xs])


def dstack(xs):
    return jnp.dstack([tensor(x) for x in xs])


def append(x1, x2, axis=None):
    return jnp.append(tensor(x1), tensor(x2), axis=axis)


def split(x, indices_or_sections, axis=0):
    return jnp.split(tensor(x), indices_or_sections, axis=axis)


def array_split(x, indices_or_sections, axis=0):
    return jnp.array_split(tensor(x), indices_or_sections, axis=axis)


def hsplit(x, indices_or_sections):
    return jnp.hsplit(tensor(x), indices_or_sections)


def vsplit(x, indices_or_sections):
    return jnp.vsplit(tensor(x), indices_or_sections)


def dsplit(x, indices_or_sections):
    return jnp.dsplit(tensor(x), indices_or_sections)


def tile(x, repeats):
    return jnp.tile(tensor(x), repeats)


def repeat(x, repeats, axis=None):
    return jnp.repeat(tensor(x), repeats, axis=axis)


def pad(x, pad_width, mode="constant", constant_values=None):
    if constant_values is not None and mode != "constant":
        raise ValueError(f"pad: `constant_values` can only be given with mode='constant', received mode={mode!r}.")
    kwargs = {} if constant_values is None else {"constant_values": constant_values}
    return jnp.pad(tensor(x), pad_width, mode=mode, **kwargs)


def flip(x, axis=None):
    return jnp.flip(tensor(x), _tuple(axis))


def fliplr(x):
    return jnp.fliplr(tensor(x))


def flipud(x):
    return jnp.flipud(tensor(x))


def rot90(array, k=1, axes=(0, 1)):
    array = tensor(array)
    if array.ndim < 2:
        raise ValueError(f"rot90: the input must have at least 2 dimensions, received shape {array.shape}.")
    if len(axes) != 2 or axes[0] % array.ndim == axes[1] % array.ndim:
        raise ValueError(f"rot90: `axes` must name two different dimensions, received axes={axes}.")
    return jnp.rot90(array, k=k, axes=tuple(axes))


def roll(x, shift, axis=None):
    return jnp.roll(tensor(x), shift, axis=_tuple(axis))


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


def searchsorted(sorted_sequence, values, side="left"):
    sorted_sequence = tensor(sorted_sequence)
    if sorted_sequence.ndim != 1:
        raise ValueError("searchsorted: `sorted_sequence` must be 1-D (use `ops.vectorized_map` for N-D), "
                         f"received shape {sorted_sequence.shape}.")
    return jnp.searchsorted(sorted_sequence, tensor(values), side=side)


def digitize(x, bins):
    return jnp.digitize(tensor(x), tensor(bins)).astype("int32")


def unique(x, sorted=True, return_index=False, return_inverse=False, return_counts=False, axis=None, size=None,
           fill_value=None):
    return jnp.unique(tensor(x), return_index=return_index, return_inverse=return_inverse,
                      return_counts=return_counts, axis=axis, equal_nan=False, size=size, fill_value=fill_value,
                      sorted=sorted)


def size(x):
    return jnp.size(tensor(x))


def ndim(x):
    return jnp.ndim(tensor(x))


def view(x, dtype=None):
    x = tensor(x)
    return x if dtype is None else x.view(dtype)


def vectorize(pyfunc, *, excluded=None, signature=None):
    return jnp.vectorize(pyfunc, excluded=excluded or set(), signature=signature)
