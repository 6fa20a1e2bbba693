"""Rectangles drawn at random in each image of a batch (for RandomErasing and CutMix)."""
from kerax import ops, random


def random_boxes(batch, height, width, ratios, seed, dtype="float32"):
    """(x0, x1, y0, y1) [B] of boxes whose sides are `ratios` [B, 2] (width, height fractions) of the image,
    placed uniformly inside it."""
    corners = []
    for extent, ratio in ((width, ratios[:, 0]), (height, ratios[:, 1])):
        length = ratio * extent
        start = random.uniform((batch,), dtype=dtype, seed=seed) * (extent - length)
        corners += [start, start + length]
    return corners


def boxes_mask(height, width, corners, data_format):
    """[B, H, W, 1] (or [B, 1, H, W]) booleans: pixel inside its image's box."""
    x0, x1, y0, y1 = (ops.reshape(c, (-1, 1, 1)) for c in corners)
    rows, cols = ops.meshgrid(ops.arange(height, dtype="float32"), ops.arange(width, dtype="float32"),
                              indexing="ij")
    inside = (cols >= x0) & (cols < x1) & (rows >= y0) & (rows < y1)
    return inside[:, :, :, None] if data_format == "channels_last" else inside[:, None]
