"""kerax.ops.image: resizing, colour conversions, geometric warps, filters, crops and patches of images."""
from kerax import backend as _backend
from kerax.ops.symbolic import export as _export

__all__ = (
    "affine_transform", "crop_images", "elastic_transform", "extract_patches", "extract_patches_3d",
    "gaussian_blur", "hsv_to_rgb", "map_coordinates", "pad_images", "perspective_transform", "resize",
    "rgb_to_grayscale", "rgb_to_hsv", "scale_and_translate", "sobel_edges", "ssim",
)
_export(globals(), _backend.op_family("image"), __all__)
