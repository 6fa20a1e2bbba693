"""Pillow images to and from NumPy arrays: load_img, img_to_array, array_to_img, save_img."""
import io
import os
import pathlib
import warnings

import numpy as np
from PIL import Image

from kerax.backend import config

PIL_INTERPOLATION_METHODS = {
    "nearest": Image.Resampling.NEAREST,
    "bilinear": Image.Resampling.BILINEAR,
    "bicubic": Image.Resampling.BICUBIC,
    "hamming": Image.Resampling.HAMMING,
    "box": Image.Resampling.BOX,
    "lanczos": Image.Resampling.LANCZOS,
}
_MODES = {"grayscale": "L", "rgb": "RGB", "rgba": "RGBA"}


def open_image(path):
    """A Pillow image read whole from a path or a file object, so the file is closed at once."""
    if isinstance(path, io.BytesIO):
        return Image.open(path)
    if isinstance(path, (pathlib.Path, bytes, str)):
        with open(os.fsdecode(path), "rb") as f:
            return Image.open(io.BytesIO(f.read()))
    raise TypeError(f"path should be path-like or io.BytesIO, not {type(path)}")


def convert_mode(img, color_mode):
    """Grayscale keeps 8-, 16- and 32-bit gray images as they are; everything else becomes L, RGB or RGBA."""
    if color_mode not in _MODES:
        raise ValueError(
            f'color_mode must be "grayscale", "rgb", or "rgba". Received: color_mode={color_mode!r}'
        )
    kept = ("L", "I;16", "I") if color_mode == "grayscale" else (_MODES[color_mode],)
    return img if img.mode in kept else img.convert(_MODES[color_mode])


def load_img(path, color_mode="rgb", target_size=None, interpolation="nearest", keep_aspect_ratio=False):
    """Loads an image into PIL format, optionally resized to `target_size` = (height, width)."""
    img = convert_mode(open_image(path), color_mode)
    if target_size is None or img.size == (target_size[1], target_size[0]):
        return img
    if interpolation not in PIL_INTERPOLATION_METHODS:
        raise ValueError(
            f"Invalid interpolation method {interpolation} specified. Supported methods are "
            f"{', '.join(PIL_INTERPOLATION_METHODS)}"
        )
    size = (target_size[1], target_size[0])
    box = _centre_crop_box(img.size, size) if keep_aspect_ratio else None
    return img.resize(size, PIL_INTERPOLATION_METHODS[interpolation], box=box)


def _centre_crop_box(image_size, target_size):
    """The (left, top, right, bottom) of the largest centred window with the target's aspect ratio."""
    (width, height), (target_width, target_height) = image_size, target_size
    crop_height = min(height, (width * target_height) // target_width)
    crop_width = min(width, (height * target_width) // target_height)
    top, left = (height - crop_height) // 2, (width - crop_width) // 2
    return [left, top, left + crop_width, top + crop_height]


def img_to_array(img, data_format=None, dtype=None):
    """A PIL image as a 3D array (height, width, channels), or channels first."""
    data_format = config.standardize_data_format(data_format)
    x = np.asarray(img, dtype=dtype or config.floatx())
    if x.ndim == 2:
        x = x[:, :, None]
    elif x.ndim != 3:
        raise ValueError(f"Unsupported image shape: {x.shape}")
    return x.transpose(2, 0, 1) if data_format == "channels_first" else x


def array_to_img(x, data_format=None, scale=True, dtype=None):
    """A 3D array as a PIL image; with `scale`, values are first stretched to span 0..255."""
    data_format = config.standardize_data_format(data_format)
    x = np.array(x, dtype=dtype or config.floatx())
    if x.ndim != 3:
        raise ValueError(
            f"Expected image array to have rank 3 (single image). Got array with shape: {x.shape}"
        )
    if data_format == "channels_first":
        x = x.transpose(1, 2, 0)
    if scale:
        x = x - np.min(x)
        if np.max(x) != 0:
            x /= np.max(x)
        x *= 255
    channels = x.shape[2]
    if channels in (3, 4):
        return Image.fromarray(x.astype("uint8"), "RGBA" if channels == 4 else "RGB")
    if channels == 1:
        if np.max(x) > 255:  # 32-bit gray keeps values a byte cannot hold
            return Image.fromarray(x[:, :, 0].astype("int32"), "I")
        return Image.fromarray(x[:, :, 0].astype("uint8"), "L")
    raise ValueError(f"Unsupported channel number: {channels}")


def save_img(path, x, data_format=None, file_format=None, scale=True, **kwargs):
    """Saves an array as an image; the format comes from the file's extension unless `file_format` says."""
    data_format = config.standardize_data_format(data_format)
    if file_format is None and isinstance(path, (str, pathlib.Path)):
        file_format = pathlib.Path(path).suffix[1:].lower()
    if file_format and file_format.lower() == "jpg":
        file_format = "jpeg"
    img = array_to_img(x, data_format=data_format, scale=scale)
    if img.mode == "RGBA" and file_format == "jpeg":
        warnings.warn("The JPEG format does not support RGBA images, converting to RGB.")
        img = img.convert("RGB")
    if not isinstance(path, (str, pathlib.Path)):
        img.save(path, format=file_format, **kwargs)
        return
    # Written under a temporary name and renamed, so a reader never sees half a file.
    root, extension = os.path.splitext(os.fspath(path))
    temporary = f"{root}.tmp{os.getpid()}{extension}"
    img.save(temporary, format=file_format or None, **kwargs)
    os.replace(temporary, path)
