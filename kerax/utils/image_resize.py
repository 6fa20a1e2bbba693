"""Image resizing in NumPy on the host, as Keras's `ops.image.resize` does it (half-pixel centres, no
antialiasing; "area" as tf.image.resize): each axis is resized by one (out, in) weight matrix, so a resize is
two matrix products. Also `smart_resize` and the crop/pad to the target aspect ratio."""
import numpy as np

INTERPOLATIONS = (
    "bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5", "gaussian", "mitchellcubic",
)


def _keys_cubic(x):  # a = -0.5
    far = np.where(x < 2, ((-0.5 * x + 2.5) * x - 4) * x + 2, 0)
    return np.where(x <= 1, (1.5 * x - 2.5) * x * x + 1, far)


def _mitchell_cubic(x):  # B = C = 1/3
    near = (7 * x ** 3 - 12 * x ** 2 + 16 / 3) / 6
    far = (-7 / 3 * x ** 3 + 12 * x ** 2 - 20 * x + 32 / 3) / 6
    return np.where(x < 1, near, np.where(x < 2, far, 0))


def _lanczos(radius):
    def kernel(x):
        safe = np.where(x == 0, 1, x)
        value = radius * np.sin(np.pi * safe) * np.sin(np.pi * safe / radius) / (np.pi * safe) ** 2
        return np.where(x == 0, 1, np.where(x < radius, value, 0))
    return kernel


_KERNELS = {
    "bilinear": lambda x: np.maximum(0, 1 - x),
    "bicubic": _keys_cubic,
    "lanczos3": _lanczos(3),
    "lanczos5": _lanczos(5),
    "gaussian": lambda x: np.where(x < 1.5, np.exp(-2 * x * x), 0),  # sigma 0.5, radius 3 sigma
    "mitchellcubic": _mitchell_cubic,
}


def resize_weights(in_size, out_size, interpolation):
    """The (out_size, in_size) matrix whose rows give each output pixel as a mix of input pixels."""
    scale = in_size / out_size
    centres = (np.arange(out_size) + 0.5) * scale
    if interpolation == "nearest":
        weights = np.zeros((out_size, in_size))
        weights[np.arange(out_size), np.minimum(np.floor(centres).astype(int), in_size - 1)] = 1
        return weights
    if interpolation == "area":  # the share of each input pixel inside the output pixel's box
        left, right = np.arange(out_size) * scale, (np.arange(out_size) + 1) * scale
        pixels = np.arange(in_size)
        overlap = np.minimum(right[:, None], pixels + 1) - np.maximum(left[:, None], pixels)
        return np.maximum(overlap, 0) / scale
    weights = _KERNELS[interpolation](np.abs(centres[:, None] - 0.5 - np.arange(in_size)))
    # Taps outside the image are dropped and the rest renormalized, which is edge clamping for bilinear.
    total = weights.sum(axis=1, keepdims=True)
    return np.where(np.abs(total) > 1e-4, weights / np.where(total == 0, 1, total), 0)


def resize_image(image, size, interpolation="bilinear", crop_to_aspect_ratio=False, pad_to_aspect_ratio=False,
                 fill_value=0.0, data_format="channels_last"):
    """(h, w, c) or (n, h, w, c) float image(s) to `size` = (height, width); float32 out."""
    if interpolation not in INTERPOLATIONS:
        raise ValueError(f"Argument `interpolation` should be one of {INTERPOLATIONS}. "
                         f"Received: interpolation={interpolation}")
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError("Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be set to `True`.")
    image = np.asarray(image, dtype="float32")
    if image.ndim not in (3, 4):
        raise ValueError(
            "Expected an image array with shape `(height, width, channels)`, or `(batch_size, height, width, "
            f"channels)`, but got input with incorrect rank, of shape {image.shape}."
        )
    rows = image.ndim - 3 if data_format == "channels_last" else image.ndim - 2
    if crop_to_aspect_ratio:
        image = _crop(image, rows, size)
    elif pad_to_aspect_ratio:
        image = _pad(image, rows, size, fill_value)
    for axis, out_size in zip((rows, rows + 1), size):
        if image.shape[axis] != out_size:
            weights = resize_weights(image.shape[axis], out_size, interpolation).astype("float32")
            image = np.moveaxis(np.tensordot(weights, image, axes=([1], [axis])), 0, axis)
    return image


def _crop(image, rows, size):
    """The largest centred window with the target's aspect ratio."""
    height, width = image.shape[rows], image.shape[rows + 1]
    crop_h = max(min(height, int(float(width * size[0]) / size[1])), 1)
    crop_w = max(min(width, int(float(height * size[1]) / size[0])), 1)
    top, left = int(float(height - crop_h) / 2), int(float(width - crop_w) / 2)
    index = [slice(None)] * image.ndim
    index[rows], index[rows + 1] = slice(top, top + crop_h), slice(left, left + crop_w)
    return image[tuple(index)]


def _pad(image, rows, size, fill_value):
    """Padded equally on both sides (Keras's rule) up to the target's aspect ratio."""
    height, width = image.shape[rows], image.shape[rows + 1]
    pad_h = int(float(max(height, int(float(width * size[0]) / size[1])) - height) / 2)
    pad_w = int(float(max(width, int(float(height * size[1]) / size[0])) - width) / 2)
    widths = [(0, 0)] * image.ndim
    widths[rows], widths[rows + 1] = (pad_h, pad_h), (pad_w, pad_w)
    return np.pad(image, widths, constant_values=fill_value)


def smart_resize(x, size, interpolation="bilinear", data_format="channels_last", **kwargs):
    """Resize without distorting the aspect ratio: the largest centred crop of the target's ratio, resized."""
    kwargs.pop("backend_module", None)
    if kwargs:
        raise TypeError(f"smart_resize() got unexpected keyword arguments: {list(kwargs.keys())}")
    if len(size) != 2:
        raise ValueError(f"Expected `size` to be a tuple of 2 integers, but got: {size}.")
    return resize_image(x, tuple(size), interpolation, crop_to_aspect_ratio=True, data_format=data_format)
