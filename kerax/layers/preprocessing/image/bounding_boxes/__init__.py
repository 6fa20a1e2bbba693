"""Bounding-box utilities (keras.utils.bounding_boxes), kept beside the image layers that use them."""
from kerax.layers.preprocessing.image.bounding_boxes.deltas import (
    decode_deltas_to_boxes,
    encode_box_to_deltas,
)
from kerax.layers.preprocessing.image.bounding_boxes.formats import SUPPORTED_FORMATS, convert_format
from kerax.layers.preprocessing.image.bounding_boxes.geometry import (
    affine_transform,
    clip_to_image_size,
    crop,
    pad,
)
from kerax.layers.preprocessing.image.bounding_boxes.iou import compute_ciou, compute_iou

__all__ = ["affine_transform", "clip_to_image_size", "compute_ciou", "compute_iou", "convert_format", "crop",
           "decode_deltas_to_boxes", "encode_box_to_deltas", "pad"]
