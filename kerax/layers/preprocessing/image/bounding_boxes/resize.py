"""Boxes of images resized by `ops.image.resize`: first cropped to (or padded out to) the target aspect ratio
when asked, then scaled to the target size. The window arithmetic mirrors ops.image.resize's (centred, the
offsets rounded down) so that boxes land where the pixels do."""
from kerax.layers.preprocessing.image.bounding_boxes.geometry import scale, shift


def resize_boxes(boxes, height, width, target_height, target_width, crop_to_aspect_ratio=False,
                 pad_to_aspect_ratio=False):
    """[..., 4] absolute xyxy boxes of a (height, width) image -> boxes of the (target_height, target_width)
    image."""
    if crop_to_aspect_ratio:
        crop_h = max(min(height, int(width * target_height / target_width)), 1)
        crop_w = max(min(width, int(height * target_width / target_height)), 1)
        boxes = shift(boxes, -int((width - crop_w) / 2), -int((height - crop_h) / 2))
        height, width = crop_h, crop_w
    elif pad_to_aspect_ratio:
        pad_h = int((max(height, int(width * target_height / target_width)) - height) / 2)
        pad_w = 0 if pad_h > 0 else int((max(width, int(height * target_width / target_height)) - width) / 2)
        boxes = shift(boxes, pad_w, pad_h)
        height, width = height + 2 * pad_h, width + 2 * pad_w
    return scale(boxes, target_width / width, target_height / height)
