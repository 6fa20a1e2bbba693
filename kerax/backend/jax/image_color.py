"""Colour conversions of kerax.ops.image (JAX): RGB to grayscale, RGB <-> HSV (all HSV values in [0, 1])."""
import jax.numpy as jnp

from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.image_layout import channels_axis, check_rank, float_dtype

# ITU-R 601 luma weights, as tf.image.rgb_to_grayscale.
_LUMA = (0.2989, 0.5870, 0.1140)


def _checked(images, data_format, allowed_channels, need_float):
    images = convert_to_tensor(images)
    check_rank(images)
    axis = channels_axis(data_format)
    if images.shape[axis] not in allowed_channels:
        raise ValueError(
            f"Invalid channel size: expected {' or '.join(map(str, allowed_channels))} channels on axis "
            f"{axis}. Received input with shape: images.shape={tuple(images.shape)}"
        )
    if need_float and not jnp.issubdtype(images.dtype, jnp.floating):
        raise ValueError(f"Invalid images dtype: expected float dtype. Received: images.dtype={images.dtype}")
    return images, axis


def rgb_to_grayscale(images, data_format=None):
    images, axis = _checked(images, data_format, (1, 3), need_float=False)
    if images.shape[axis] == 1:
        return images
    weights = jnp.asarray(_LUMA, dtype=float_dtype(images.dtype))
    gray = jnp.tensordot(images.astype(weights.dtype), weights, axes=((axis % images.ndim,), (0,)))
    return jnp.expand_dims(gray, axis).astype(images.dtype)


def rgb_to_hsv(images, data_format=None):
    images, axis = _checked(images, data_format, (3,), need_float=True)
    red, green, blue = (jnp.take(images, i, axis=axis) for i in range(3))
    value = jnp.maximum(jnp.maximum(red, green), blue)
    chroma = value - jnp.minimum(jnp.minimum(red, green), blue)
    safe_chroma = jnp.where(chroma > 0, chroma, 1.0)
    saturation = jnp.where(value > 0, chroma / jnp.where(value > 0, value, 1.0), 0.0)
    # The hue sector follows the largest channel (red first on ties, as colorsys).
    hue = jnp.where(value == red, (green - blue) / safe_chroma,
                    jnp.where(value == green, 2.0 + (blue - red) / safe_chroma,
                              4.0 + (red - green) / safe_chroma))
    hue = jnp.where(chroma > 0, jnp.mod(hue / 6.0, 1.0), 0.0)
    return jnp.stack([hue, saturation, value], axis=axis).astype(images.dtype)


def hsv_to_rgb(images, data_format=None):
    images, axis = _checked(images, data_format, (3,), need_float=True)
    hue, saturation, value = (jnp.take(images, i, axis=axis) for i in range(3))
    sector = jnp.mod(hue, 1.0) * 6.0

    def channel(n):
        k = jnp.mod(n + sector, 6.0)
        return value - value * saturation * jnp.clip(jnp.minimum(k, 4.0 - k), 0.0, 1.0)

    return jnp.stack([channel(5.0), channel(3.0), channel(1.0)], axis=axis).astype(images.dtype)
