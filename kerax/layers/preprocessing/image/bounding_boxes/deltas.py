"""Boxes as offsets from anchor boxes (the regression targets of detectors): `encode_box_to_deltas` and its
inverse `decode_deltas_to_boxes`. In the centre formats a delta is ((centre - anchor centre) / anchor size,
log(size / anchor size)), divided by `variance` when given."""
from kerax import ops
from kerax.layers.preprocessing.image.bounding_boxes.formats import convert_format

_CENTER_FORMATS = ("center_yxhw", "center_xywh")


def _size(image_shape):
    return (None, None) if image_shape is None else tuple(image_shape)[:2]


def _check(encoding_format, variance):
    if encoding_format not in _CENTER_FORMATS:
        raise ValueError(f"`encoding_format` should be one of {_CENTER_FORMATS}. Received: "
                         f"encoding_format={encoding_format!r}")
    if variance is not None and len(variance) != 4:
        raise ValueError(f"`variance` must be a list of 4 numbers. Received: variance={variance}")
    return None if variance is None else ops.convert_to_tensor(variance, "float32")


def encode_box_to_deltas(anchors, boxes, anchor_format, box_format, encoding_format="center_yxhw",
                         variance=None, image_shape=None):
    """Deltas ((N, 4) or (B, N, 4)) taking `anchors` (N, 4) to `boxes`."""
    variance = _check(encoding_format, variance)
    height, width = _size(image_shape)
    anchors = convert_format(anchors, anchor_format, encoding_format, height=height, width=width)
    boxes = convert_format(boxes, box_format, encoding_format, height=height, width=width)
    deltas = ops.concatenate([(boxes[..., :2] - anchors[..., :2]) / anchors[..., 2:],
                              ops.log(boxes[..., 2:] / anchors[..., 2:])], axis=-1)
    return deltas if variance is None else deltas / variance


def decode_deltas_to_boxes(anchors, boxes_delta, anchor_format, box_format, encoded_format="center_yxhw",
                           variance=None, image_shape=None):
    """Boxes in `box_format` from deltas and their anchors (tensors, or dicts of them keyed by level)."""
    if isinstance(anchors, dict):
        return {level: decode_deltas_to_boxes(anchors[level], boxes_delta[level], anchor_format, box_format,
                                              encoded_format, variance, image_shape) for level in anchors}
    variance = _check(encoded_format, variance)
    height, width = _size(image_shape)
    anchors = convert_format(anchors, anchor_format, encoded_format, height=height, width=width)
    deltas = ops.cast(ops.convert_to_tensor(boxes_delta), "float32")
    deltas = deltas if variance is None else deltas * variance
    boxes = ops.concatenate([deltas[..., :2] * anchors[..., 2:] + anchors[..., :2],
                             ops.exp(deltas[..., 2:]) * anchors[..., 2:]], axis=-1)
    return convert_format(boxes, encoded_format, box_format, height=height, width=width)
