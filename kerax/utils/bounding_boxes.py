"""keras.utils.bounding_boxes: box formats, clipping, cropping, padding, affine maps, IoU and anchor deltas
(implemented beside the image layers in kerax.layers.preprocessing.image.bounding_boxes)."""
from kerax.layers.preprocessing.image.bounding_boxes import (
    affine_transform,
    clip_to_image_size,
    compute_ciou,
    compute_iou,
    convert_format,
    crop,
    decode_deltas_to_boxes,
    encode_box_to_deltas,
    pad,
)

__all__ = ["affine_transform", "clip_to_image_size", "compute_ciou", "compute_iou", "convert_format", "crop",
           "decode_deltas_to_boxes", "encode_box_to_deltas", "pad"]
