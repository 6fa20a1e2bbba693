"""Overlap of boxes: `compute_iou` (every box of one set against every box of the other) and `compute_ciou`
(box against box, the Complete-IoU of Zheng et al. 2020)."""
import math

from kerax import backend, ops
from kerax.layers.preprocessing.image.bounding_boxes.formats import convert_format


def _as_xyxy(boxes, bounding_box_format, image_shape):
    height, width = (None, None) if image_shape is None else tuple(image_shape)[:2]
    return convert_format(boxes, bounding_box_format, "xyxy", height=height, width=width)


def compute_iou(boxes1, boxes2, bounding_box_format, use_masking=False, mask_val=-1, image_shape=None):
    """[..., M, N] intersection over union of boxes1 [(B,) M, 4] and boxes2 [(B,) N, 4]. With `use_masking`,
    pairs involving a padding box (all coordinates negative) get `mask_val`."""
    raw1, raw2 = ops.convert_to_tensor(boxes1), ops.convert_to_tensor(boxes2)
    x1a, y1a, x2a, y2a = (v[..., :, None] for v in ops.unstack(_as_xyxy(raw1, bounding_box_format,
                                                                          image_shape), 4, axis=-1))
    x1b, y1b, x2b, y2b = (ops.expand_dims(v, -2) for v in ops.unstack(_as_xyxy(raw2, bounding_box_format,
                                                                                 image_shape), 4, axis=-1))
    overlap_w = ops.maximum(ops.minimum(x2a, x2b) - ops.maximum(x1a, x1b), 0.0)
    overlap_h = ops.maximum(ops.minimum(y2a, y2b) - ops.maximum(y1a, y1b), 0.0)
    intersection = overlap_w * overlap_h
    union = (x2a - x1a) * (y2a - y1a) + (x2b - x1b) * (y2b - y1b) - intersection
    iou = ops.clip(intersection / ops.maximum(union, backend.epsilon()), 0.0, 1.0)
    if not use_masking:
        return iou
    padded1 = ops.max(ops.cast(raw1, "float32"), axis=-1) < 0
    padded2 = ops.max(ops.cast(raw2, "float32"), axis=-1) < 0
    masked = padded1[..., :, None] | ops.expand_dims(padded2, -2)
    return ops.where(masked, ops.cast(mask_val, iou.dtype), iou)


def compute_ciou(boxes1, boxes2, bounding_box_format, image_shape=None):
    """[...] Complete IoU of each box of boxes1 with the box at the same place in boxes2: IoU minus the
    squared centre distance over the squared diagonal of the enclosing box, minus the aspect-ratio term."""
    eps = backend.epsilon()
    x1a, y1a, x2a, y2a = ops.unstack(_as_xyxy(boxes1, bounding_box_format, image_shape), 4, axis=-1)
    x1b, y1b, x2b, y2b = ops.unstack(_as_xyxy(boxes2, bounding_box_format, image_shape), 4, axis=-1)
    wa, ha, wb, hb = x2a - x1a, y2a - y1a + eps, x2b - x1b, y2b - y1b + eps
    overlap = (ops.maximum(ops.minimum(x2a, x2b) - ops.maximum(x1a, x1b), 0.0)
               * ops.maximum(ops.minimum(y2a, y2b) - ops.maximum(y1a, y1b), 0.0))
    iou = overlap / (wa * ha + wb * hb - overlap + eps)
    enclosing_w = ops.maximum(x2a, x2b) - ops.minimum(x1a, x1b)
    enclosing_h = ops.maximum(y2a, y2b) - ops.minimum(y1a, y1b)
    diagonal = enclosing_w ** 2 + enclosing_h ** 2 + eps
    distance = ((x1b + x2b - x1a - x2a) ** 2 + (y1b + y2b - y1a - y2a) ** 2) / 4.0
    v = (4.0 / math.pi ** 2) * (ops.arctan(wb / hb) - ops.arctan(wa / ha)) ** 2
    alpha = v / (v - iou + (1.0 + eps))
    return iou - (distance / diagonal + v * alpha)
