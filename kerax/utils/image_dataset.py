"""image_dataset_from_directory: a folder of class subfolders of images as a kerax.data.Dataset of
(images, labels) batches, decoded with Pillow in worker threads."""
import numpy as np

from kerax.backend import config
from kerax.utils import directory_dataset, image_resize, image_utils
from kerax.utils.dataset_utils import check_label_arguments

ALLOWLIST_FORMATS = (".bmp", ".gif", ".jpeg", ".jpg", ".png")
_CHANNELS = {"rgb": 3, "rgba": 4, "grayscale": 1}


def image_dataset_from_directory(directory, labels="inferred", label_mode="int", class_names=None,
                                 color_mode="rgb", batch_size=32, image_size=(256, 256), shuffle=True,
                                 seed=None, validation_split=None, subset=None, interpolation="bilinear",
                                 follow_links=False, crop_to_aspect_ratio=False, pad_to_aspect_ratio=False,
                                 data_format=None, format="tf", verbose=True):
    """Yields float32 images of shape (batch, height, width, channels) in 0..255, with int32 labels (or
    float32 one-hot for "categorical", float32 (batch, 1) for "binary"); `format` is accepted for Keras's
    signature, the result being a kerax.data.Dataset either way."""
    check_label_arguments(labels, label_mode, class_names, "image")
    labels, label_mode = directory_dataset.normalize_label_mode(labels, label_mode)
    if color_mode not in _CHANNELS:
        raise ValueError(
            f'`color_mode` must be one of {{"rgb", "rgba", "grayscale"}}. Received: color_mode={color_mode}'
        )
    if isinstance(image_size, int):
        image_size = (image_size, image_size)
    elif not isinstance(image_size, (list, tuple)) or len(image_size) != 2:
        raise ValueError(
            f"Invalid `image_size` value. Expected a tuple of 2 integers. Received: image_size={image_size}"
        )
    interpolation = interpolation.lower()
    if interpolation not in image_resize.INTERPOLATIONS:
        raise ValueError(f"Argument `interpolation` should be one of {image_resize.INTERPOLATIONS}. "
                         f"Received: interpolation={interpolation}")
    if format not in ("tf", "grain"):
        raise ValueError(f'`format` should be either "tf" or "grain". Received: format={format}')
    if crop_to_aspect_ratio and pad_to_aspect_ratio:
        raise ValueError("Only one of `pad_to_aspect_ratio`, `crop_to_aspect_ratio` can be set to `True`.")
    data_format = config.standardize_data_format(data_format)

    def load(path):
        return load_image(path, tuple(image_size), _CHANNELS[color_mode], interpolation, data_format,
                          crop_to_aspect_ratio, pad_to_aspect_ratio)

    kind = directory_dataset.FileKind(
        ALLOWLIST_FORMATS, load, "images", f"Allowed formats: {ALLOWLIST_FORMATS}", keeps_file_paths=True
    )
    return directory_dataset.from_directory(
        kind, directory, labels, label_mode, class_names, batch_size, shuffle, seed, validation_split, subset,
        follow_links, verbose,
    )


def load_image(path, image_size, num_channels, interpolation, data_format, crop_to_aspect_ratio=False,
               pad_to_aspect_ratio=False):
    """One file as a float32 array of `image_size` (animated GIFs: their first frame)."""
    mode = {1: "grayscale", 3: "rgb", 4: "rgba"}[num_channels]
    with image_utils.open_image(path) as img:
        pixels = np.asarray(image_utils.convert_mode(img, mode), dtype="float32")
    if pixels.ndim == 2:
        pixels = pixels[:, :, None]
    pixels = image_resize.resize_image(pixels, image_size, interpolation, crop_to_aspect_ratio,
                                       pad_to_aspect_ratio)
    return pixels.transpose(2, 0, 1) if data_format == "channels_first" else pixels
