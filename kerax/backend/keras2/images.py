"""tf.keras 2's padding and resizing of sequences, images and volumes (`data_format` defaults to
image_data_format())."""
from kerax.backend import config, engine
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor

np_ = engine.numpy


def checked_format(data_format):
    data_format = config.image_data_format() if data_format is None else data_format
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(f"Unknown data_format: {data_format!r} (expected 'channels_first' or "
                         "'channels_last').")
    return data_format


def _pad(x, padding, data_format):
    pairs = [(0, 0)] + [tuple(p) for p in padding]
    pairs = pairs + [(0, 0)] if data_format == "channels_last" else [(0, 0)] + pairs
    return np_.pad(tensor(x), pairs)


@symbolic_aware
def temporal_padding(x, padding=(1, 1)):
    """Zeros added before and after the time axis of a (samples, time, features) tensor."""
    return _pad(x, [padding], "channels_last")


@symbolic_aware
def spatial_2d_padding(x, padding=((1, 1), (1, 1)), data_format=None):
    return _pad(x, padding, checked_format(data_format))


@symbolic_aware
def spatial_3d_padding(x, padding=((1, 1), (1, 1), (1, 1)), data_format=None):
    return _pad(x, padding, checked_format(data_format))


@symbolic_aware
def resize_images(x, height_factor, width_factor, data_format, interpolation="nearest"):
    """Images scaled by integer factors: 'nearest' repeats pixels; other modes resize."""
    data_format = checked_format(data_format)
    x = tensor(x)
    rows = 1 if data_format == "channels_last" else 2
    if interpolation == "nearest":
        return np_.repeat(np_.repeat(x, height_factor, axis=rows), width_factor, axis=rows + 1)
    size = (x.shape[rows] * height_factor, x.shape[rows + 1] * width_factor)
    return engine.image.resize(x, size, interpolation=interpolation, data_format=data_format)


@symbolic_aware
def resize_volumes(x, depth_factor, height_factor, width_factor, data_format):
    """Volumes scaled by repeating voxels."""
    first = 1 if checked_format(data_format) == "channels_last" else 2
    x = tensor(x)
    for offset, factor in enumerate((depth_factor, height_factor, width_factor)):
        x = np_.repeat(x, factor, axis=first + offset)
    return x
