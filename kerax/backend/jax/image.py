"""Image ops on JAX (kerax.ops.image): colour conversions, resizing, warps, filters, crops and patches."""
from kerax.backend.jax.image_color import hsv_to_rgb, rgb_to_grayscale, rgb_to_hsv
from kerax.backend.jax.image_filters import gaussian_blur, sobel_edges, ssim
from kerax.backend.jax.image_patches import crop_images, extract_patches, extract_patches_3d, pad_images
from kerax.backend.jax.image_resize import resize, scale_and_translate
from kerax.backend.jax.image_warp import (
    affine_transform, elastic_transform, map_coordinates, perspective_transform,
)

__all__ = (
    "affine_transform", "crop_images", "elastic_transform", "extract_patches", "extract_patches_3d",
    "gaussian_blur", "hsv_to_rgb", "map_coordinates", "pad_images", "perspective_transform", "resize",
    "rgb_to_grayscale", "rgb_to_hsv", "scale_and_translate", "sobel_edges", "ssim",
)
