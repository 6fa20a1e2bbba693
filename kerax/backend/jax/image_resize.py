"""Resizing of kerax.ops.image (JAX): `resize` (with aspect-ratio crop or pad) and `scale_and_translate`.

Pixels have half-integer centres (pixel i covers [i, i + 1)), as in TensorFlow 2 and Keras 3. Interpolating
methods use `jax.image`; "area" averages the input pixels each output pixel covers, weighted by the overlap.
Integer images are computed in floating point, then rounded and clipped back to their dtype.
"""
import jax
import jax.numpy as jnp
import numpy as np

from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.image_layout import as_batch, cast_back, check_choice, float_dtype

RESIZE_INTERPOLATIONS = ("bilinear", "nearest", "bicubic", "lanczos3", "lanczos5", "area")
SCALE_AND_TRANSLATE_METHODS = ("linear", "bilinear", "trilinear", "triangle", "cubic", "bicubic", "tricubic",
                               "lanczos3", "lanczos5")


def resize(images, size, interpolation="bilinear", antialias=False, crop_to_aspect_ratio=False,
           pad_to_aspect_ratio=False, fill_mode="constant", fill_value=0.0, data_format=None):
    size = _checked_size(size)
    check_choice("interpolation", interpolation, RESIZE_INTERPOLATIONS)
    if fill_mode != "constant":
        raise ValueError(f"Invalid value for argument `fill_mode`. Only 'constant' is supported. "
                         f"Received: fill_mode={fill_mode!r}")
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError("Only one of `pad_to_aspect_ratio` & `crop_to_aspect_ratio` can be `True`.")
    x, restore = as_batch(images, data_format)
    dtype = x.dtype
    if crop_to_aspect_ratio:
        x = _crop_to_aspect(x, size)
    elif pad_to_aspect_ratio:
        x = _pad_to_aspect(x, size, fill_value)
    x = x.astype(float_dtype(dtype))
    if interpolation == "area":
        out = jnp.einsum("oh,bhwc,pw->bopc", _area_weights(x.shape[1], size[0], x.dtype), x,
                         _area_weights(x.shape[2], size[1], x.dtype))
    else:
        out = jax.image.resize(x, (x.shape[0], *size, x.shape[3]), method=interpolation, antialias=antialias)
    return restore(cast_back(out, dtype))


def _checked_size(size):
    size = tuple(int(s) for s in size)
    if len(size) != 2:
        raise ValueError(f"Expected `size` to be a tuple of 2 integers (height, width). Received: "
                         f"size={size}")
    if size[0] <= 0 or size[1] <= 0:
        raise ValueError(f"`size` must have positive height and width. Received: size={size}")
    return size


def _crop_to_aspect(x, size):
    """The largest centred window of the target aspect ratio."""
    height, width = x.shape[1:3]
    crop_h = max(min(height, int(width * size[0] / size[1])), 1)
    crop_w = max(min(width, int(height * size[1] / size[0])), 1)
    top, left = int((height - crop_h) / 2), int((width - crop_w) / 2)
    return x[:, top:top + crop_h, left:left + crop_w, :]


def _pad_to_aspect(x, size, fill_value):
    """Equal padding on both sides of the short side, up to the target aspect ratio."""
    height, width = x.shape[1:3]
    pad_h = int((max(height, int(width * size[0] / size[1])) - height) / 2)
    pad_w = int((max(width, int(height * size[1] / size[0])) - width) / 2)
    if pad_h > 0:
        return jnp.pad(x, ((0, 0), (pad_h, pad_h), (0, 0), (0, 0)), constant_values=fill_value)
    if pad_w > 0:
        return jnp.pad(x, ((0, 0), (0, 0), (pad_w, pad_w), (0, 0)), constant_values=fill_value)
    return x


def _area_weights(n_in, n_out, dtype):
    """[n_out, n_in]: the share of output pixel o's footprint that input pixel i covers."""
    scale = n_in / n_out
    starts = np.arange(n_out)[:, None] * scale
    pixels = np.arange(n_in)[None, :]
    overlap = np.minimum(starts + scale, pixels + 1) - np.maximum(starts, pixels)
    return jnp.asarray(np.clip(overlap, 0.0, None) / scale, dtype=dtype)


def scale_and_translate(images, output_shape, scale, translation, spatial_dims, method, antialias=True):
    check_choice("method", method, SCALE_AND_TRANSLATE_METHODS)
    images = convert_to_tensor(images)
    dtype = float_dtype(images.dtype)
    return jax.image.scale_and_translate(
        images.astype(dtype), tuple(output_shape), tuple(spatial_dims), convert_to_tensor(scale, dtype=dtype),
        convert_to_tensor(translation, dtype=dtype), method, antialias)
