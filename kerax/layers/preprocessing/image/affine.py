"""The 8-parameter transforms (`ops.image.affine_transform`'s form: output pixel -> input point) of the
geometric augmentations: a rotation, scale and shear about a centre, then a translation, for a batch of random
values."""
import math

from kerax import ops


def affine_matrix(center_x, center_y, angle, translate_x, translate_y, scale, shear_x, shear_y, height,
                  width):
    """[B, 8] transforms; angles and shears in degrees, the centre a fraction of (width - 1, height - 1)."""
    radians = math.pi / 180.0
    angle = angle * radians
    shear_x, shear_y = ops.tan(shear_x * radians), ops.tan(shear_y * radians)
    cx, cy = center_x * (width - 1), center_y * (height - 1)
    cos, sin = ops.cos(angle), ops.sin(angle)
    a0 = scale * (cos + shear_x * sin)
    a1 = scale * (-sin + shear_x * cos)
    b0 = scale * (shear_y * cos + sin)
    b1 = scale * (-shear_y * sin + cos)
    a2 = translate_x + cx - cx * a0 - cy * a1
    b2 = translate_y + cy - cx * b0 - cy * b1
    zeros = ops.zeros_like(a0)
    return ops.stack([a0, a1, a2, b0, b1, b2, zeros, zeros], axis=1)


def scale_translate_matrix(scale_x, scale_y, offset_x, offset_y):
    """[B, 8] transforms reading input (scale_x * x + offset_x, scale_y * y + offset_y)."""
    zeros = ops.zeros_like(scale_x)
    return ops.stack([scale_x, zeros, offset_x, zeros, scale_y, offset_y, zeros, zeros], axis=1)
