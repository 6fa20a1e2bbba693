"""Editing one HSV channel of RGB images (for RandomHue and RandomSaturation)."""
from kerax import ops


def edit_hsv(images, channel, edit, data_format):
    """`images` (RGB) with HSV channel `channel` (0 hue, 1 saturation, 2 value) replaced by `edit` of it."""
    axis = -1 if data_format == "channels_last" else 1
    hsv = ops.image.rgb_to_hsv(images, data_format=data_format)
    parts = [ops.take(hsv, i, axis=axis) for i in range(3)]
    parts[channel] = edit(parts[channel])
    return ops.image.hsv_to_rgb(ops.stack(parts, axis=axis), data_format=data_format)
