"""Bounding-box formats and `convert_format` (keras.utils.bounding_boxes.convert_format).

Every conversion goes through absolute "xyxy" (left, top, right, bottom in pixels); "rel_" formats are
fractions of the image's width and height, so converting to or from them needs `height` and `width`.
"""
from kerax import ops

SUPPORTED_FORMATS = ("xyxy", "yxyx", "xywh", "center_xywh", "center_yxhw", "rel_xyxy", "rel_yxyx", "rel_xywh",
                     "rel_center_xywh")


def _corners(x1, y1, x2, y2):
    return ops.stack([x1, y1, x2, y2], axis=-1)


def _to_xyxy(a, b, c, d, form):
    """Absolute-or-relative corners from the four columns of a box in `form` (without its "rel_")."""
    if form == "xyxy":
        return a, b, c, d
    if form == "yxyx":
        return b, a, d, c
    if form == "xywh":
        return a, b, a + c, b + d
    if form == "center_xywh":
        return a - c / 2.0, b - d / 2.0, a + c / 2.0, b + d / 2.0
    return b - d / 2.0, a - c / 2.0, b + d / 2.0, a + c / 2.0  # center_yxhw


def _from_xyxy(x1, y1, x2, y2, form):
    if form == "xyxy":
        return x1, y1, x2, y2
    if form == "yxyx":
        return y1, x1, y2, x2
    if form == "xywh":
        return x1, y1, x2 - x1, y2 - y1
    if form == "center_xywh":
        return (x1 + x2) / 2.0, (y1 + y2) / 2.0, x2 - x1, y2 - y1
    return (y1 + y2) / 2.0, (x1 + x2) / 2.0, y2 - y1, x2 - x1  # center_yxhw


def check_format(name, value):
    if not isinstance(value, str) or value.lower() not in SUPPORTED_FORMATS:
        raise ValueError(f"Invalid `{name}`: expected one of {SUPPORTED_FORMATS}. Received: {name}={value!r}")
    return value.lower()


def convert_format(boxes, source, target, height=None, width=None, dtype="float32"):
    """Boxes (`(..., 4)`, or a dict whose "boxes" entry is converted) from format `source` to `target`."""
    if isinstance(boxes, dict):
        return {**boxes, "boxes": convert_format(boxes["boxes"], source, target, height, width, dtype)}
    source, target = check_format("source", source), check_format("target", target)
    boxes = ops.cast(ops.convert_to_tensor(boxes), dtype)
    if boxes.shape[-1] != 4:
        raise ValueError(f"`boxes` must be a tensor with the last dimension of 4. Received: "
                         f"boxes.shape={tuple(boxes.shape)}")
    relative_in, relative_out = source.startswith("rel_"), target.startswith("rel_")
    if (relative_in or relative_out) and (height is None or width is None):
        raise ValueError(f"convert_format() must receive `height` and `width` to convert between relative "
                         f"and absolute formats. Received: source={source!r}, target={target!r}, "
                         f"height={height}, width={width}.")
    if source == target:
        return boxes
    x1, y1, x2, y2 = _to_xyxy(*ops.unstack(boxes, 4, axis=-1), source.removeprefix("rel_"))
    if relative_in != relative_out:
        scale_x, scale_y = (width, height) if relative_in else (1.0 / width, 1.0 / height)
        x1, x2, y1, y2 = x1 * scale_x, x2 * scale_x, y1 * scale_y, y2 * scale_y
    return ops.stack(_from_xyxy(x1, y1, x2, y2, target.removeprefix("rel_")), axis=-1)
