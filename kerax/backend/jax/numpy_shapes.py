"""Shape ops (JAX): reshaping, joining and splitting, tiling and padding, flips, rotations and rolls."""
import jax.numpy as jnp

from kerax.backend.jax.tensors import tensor

__all__ = [
    "reshape", "transpose", "swapaxes", "moveaxis", "expand_dims", "squeeze", "ravel", "broadcast_to",
    "concatenate", "stack", "hstack", "vstack", "dstack", "append", "split", "array_split", "hsplit", "vsplit",
    "dsplit", "tile", "repeat", "pad", "flip", "fliplr", "flipud", "rot90", "roll", "size", "ndim", "view",
    "vectorize",
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
        raise ValueError("pad: `constant_values` can only be given with mode='constant', received "
                         f"mode={mode!r}.")
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


def size(x):
    return jnp.size(tensor(x))


def ndim(x):
    return jnp.ndim(tensor(x))


def view(x, dtype=None):
    x = tensor(x)
    return x if dtype is None else x.view(dtype)


def vectorize(pyfunc, *, excluded=None, signature=None):
    return jnp.vectorize(pyfunc, excluded=excluded or set(), signature=signature)
