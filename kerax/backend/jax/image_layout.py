"""Shared plumbing of the image ops (JAX): checks, and viewing any image input as a channels-last batch."""
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.core import convert_to_tensor


def check_rank(images, ranks=(3, 4), what="images"):
    if len(images.shape) not in ranks:
        wanted = " or ".join(str(r) for r in ranks)
        raise ValueError(
            f"Invalid {what} rank: expected rank {wanted} (rank {ranks[0]} is a single image, rank "
            f"{ranks[-1]} a batch of images). Received: {what}.shape={tuple(images.shape)}"
        )


def as_batch(images, data_format, ranks=(3, 4)):
    """(images as a channels-last batch, a function restoring the caller's layout and rank)."""
    data_format = config.standardize_data_format(data_format)
    images = convert_to_tensor(images)
    check_rank(images, ranks)
    single = len(ranks) > 1 and len(images.shape) == ranks[0]
    x = images[None] if single else images
    if data_format == "channels_first":
        x = jnp.moveaxis(x, 1, -1)

    def restore(y):
        if data_format == "channels_first":
            y = jnp.moveaxis(y, -1, 1)
        return y[0] if single else y

    return x, restore


def channels_axis(data_format):
    return -1 if config.standardize_data_format(data_format) == "channels_last" else -3


def spatial_axes(images, data_format):
    """(height axis, width axis) of 3D or 4D images."""
    if config.standardize_data_format(data_format) == "channels_last":
        return images.ndim - 3, images.ndim - 2
    return images.ndim - 2, images.ndim - 1


def float_dtype(dtype):
    """The dtype to compute in: float inputs keep theirs, integer ones use floatx."""
    return dtype if jnp.issubdtype(dtype, jnp.floating) else jnp.dtype(config.floatx())


def cast_back(values, dtype):
    """Computed values in the input's dtype; integer images are rounded and clipped to their range."""
    if jnp.issubdtype(dtype, jnp.integer):
        info = jnp.iinfo(dtype)
        values = jnp.clip(jnp.round(values), info.min, info.max)
    elif dtype == jnp.bool_:
        values = values > 0.5
    return values.astype(dtype)


def check_choice(name, value, allowed):
    if value not in allowed:
        raise ValueError(
            f"Invalid value for argument `{name}`. Expected one of {sorted(allowed)}. Received: "
            f"{name}={value!r}"
        )
