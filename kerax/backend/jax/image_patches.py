"""Cropping, padding and patch extraction of kerax.ops.image (JAX)."""
import itertools
import math

import jax.numpy as jnp

from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.image_layout import as_batch, check_rank, spatial_axes


def extract_patches(images, size, strides=None, dilation_rate=1, padding="valid", data_format=None):
    """Patches of `size` (2 ints, or 3 for volumes) flattened into the channel axis, ordered (row, col,
    channel)."""
    if not isinstance(size, int):
        if not isinstance(size, (tuple, list)):
            raise TypeError(f"Invalid `size` argument. Expected an int or a tuple. Received: size={size} of "
                            f"type {type(size).__name__}")
        if len(size) not in (2, 3):
            raise ValueError(f"Invalid `size` argument. Expected a tuple of length 2 or 3. Received: "
                             f"size={size} with length {len(size)}")
    rank = 3 if not isinstance(size, int) and len(size) == 3 else 2
    size = (size,) * rank if isinstance(size, int) else tuple(size)
    strides = size if not strides else (strides,) * rank if isinstance(strides, int) else tuple(strides)
    if len(strides) != rank:
        raise ValueError(f"Invalid `strides` argument: expected {rank} values. Received: strides={strides}")
    dilation = (dilation_rate,) * rank if isinstance(dilation_rate, int) else tuple(dilation_rate)
    x, restore = as_batch(images, data_format, ranks=(rank + 1, rank + 2))
    return restore(_patches(x, size, strides, dilation, padding.lower()))


def extract_patches_3d(volumes, size, strides=None, dilation_rate=1, padding="valid", data_format=None):
    size = (size,) * 3 if isinstance(size, int) else tuple(size)
    if len(size) != 3:
        raise ValueError(f"Invalid `size` argument. Expected an int or a tuple of length 3. Received: "
                         f"size={size}")
    return extract_patches(volumes, size, strides, dilation_rate, padding, data_format)


def _patches(x, size, strides, dilation, padding):
    spatial = x.shape[1:-1]
    if padding == "same":
        pads = []
        for n, k, s, d in zip(spatial, size, strides, dilation):
            total = max((math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0)
            pads.append((total // 2, total - total // 2))
        x = jnp.pad(x, [(0, 0), *pads, (0, 0)])
    elif padding != "valid":
        raise ValueError(f'Invalid `padding`: expected "valid" or "same". Received: padding={padding!r}')
    out = [(n - (k - 1) * d - 1) // s + 1 for n, k, s, d in zip(x.shape[1:-1], size, strides, dilation)]
    pieces = []
    for offsets in itertools.product(*(range(k) for k in size)):
        window = tuple(slice(o * d, o * d + (m - 1) * s + 1, s) for o, d, m, s in zip(offsets, dilation, out,
                                                                                      strides))
        pieces.append(x[(slice(None), *window)])
    return jnp.concatenate(pieces, axis=-1)


_PAD_NAMES = (("top_padding", "bottom_padding", "target_height"),
              ("left_padding", "right_padding", "target_width"))
_CROP_NAMES = (("top_cropping", "bottom_cropping", "target_height"),
               ("left_cropping", "right_cropping", "target_width"))


def _per_axis(images, data_format, values, names):
    """[(axis, extent, before, after, target)] for height then width, once exactly two of each
    (before, after, target) are given and none is negative."""
    images = convert_to_tensor(images)
    check_rank(images)
    found = []
    for axis, triple, triple_names in zip(spatial_axes(images, data_format), values, names):
        if list(triple).count(None) != 1:
            raise ValueError(f"Must specify exactly two of {', '.join(triple_names)}. Received: "
                             + ", ".join(f"{n}={v}" for n, v in zip(triple_names, triple)))
        _check_non_negative(zip(triple_names, triple))
        found.append((axis, images.shape[axis], *triple))
    return images, found


def _check_non_negative(named_values):
    for name, value in named_values:
        if value is not None and value < 0:
            raise ValueError(f"{name} must be >= 0. Received: {name}={value}")


def pad_images(images, top_padding=None, left_padding=None, bottom_padding=None, right_padding=None,
               target_height=None, target_width=None, data_format=None):
    values = ((top_padding, bottom_padding, target_height), (left_padding, right_padding, target_width))
    images, axes = _per_axis(images, data_format, values, _PAD_NAMES)
    widths = [(0, 0)] * images.ndim
    for (axis, extent, before, after, target), names in zip(axes, _PAD_NAMES):
        before = target - after - extent if before is None else before
        after = target - before - extent if after is None else after
        _check_non_negative(zip(names, (before, after)))
        widths[axis] = (before, after)
    return jnp.pad(images, widths)


def crop_images(images, top_cropping=None, left_cropping=None, bottom_cropping=None, right_cropping=None,
                target_height=None, target_width=None, data_format=None):
    values = ((top_cropping, bottom_cropping, target_height), (left_cropping, right_cropping, target_width))
    images, axes = _per_axis(images, data_format, values, _CROP_NAMES)
    index = [slice(None)] * images.ndim
    for (axis, extent, before, after, target), names in zip(axes, _CROP_NAMES):
        before = extent - target - after if before is None else before
        target = extent - after - before if target is None else target
        _check_non_negative(((names[0], before), (names[2], target)))
        if before + target > extent:
            raise ValueError(f"Cannot crop {names[0]}={before} and {names[2]}={target} from images whose "
                             f"size on axis {axis} is {extent}.")
        index[axis] = slice(before, before + target)
    return images[tuple(index)]
