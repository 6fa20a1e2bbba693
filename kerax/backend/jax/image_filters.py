"""Filters of kerax.ops.image (JAX): Gaussian blur, Sobel edges and SSIM. Filters are cross-correlations of
each channel with a small kernel; blur and Sobel pad with zeros ("same" size), SSIM keeps only full windows.
"""
import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.image_layout import as_batch, check_rank, float_dtype

_SOBEL_ROWS = ((-1.0, -2.0, -1.0), (0.0, 0.0, 0.0), (1.0, 2.0, 1.0))  # d/dy; its transpose is d/dx


def filter_channels(images, kernel, padding="SAME"):
    """Each channel of images [B, H, W, C] cross-correlated with kernel [kh, kw]."""
    channels = images.shape[-1]
    weights = jnp.broadcast_to(kernel.astype(images.dtype)[:, :, None, None], (*kernel.shape, 1, channels))
    return jax.lax.conv_general_dilated(images, weights, (1, 1), padding, feature_group_count=channels,
                                        dimension_numbers=("NHWC", "HWIO", "NHWC"))


def gaussian_kernel(size, sigma, dtype):
    """The normalised 1-D Gaussian of `size` taps centred on (size - 1) / 2."""
    offsets = jnp.arange(size, dtype=dtype) - (size - 1) / 2.0
    taps = jnp.exp(-0.5 * jnp.square(offsets / jnp.asarray(sigma, dtype)))
    return taps / jnp.sum(taps)


def gaussian_blur(images, kernel_size=(3, 3), sigma=(1.0, 1.0), data_format=None):
    """`kernel_size` and `sigma` are (height, width) pairs (an int or float applies to both)."""
    x, restore = as_batch(images, data_format)
    sizes = (kernel_size, kernel_size) if isinstance(kernel_size, int) else tuple(kernel_size)
    sigmas = (sigma, sigma) if not isinstance(sigma, (tuple, list)) and jnp.ndim(sigma) == 0 else tuple(sigma)
    dtype = float_dtype(x.dtype)
    kernel = jnp.outer(gaussian_kernel(int(sizes[0]), sigmas[0], dtype),
                       gaussian_kernel(int(sizes[1]), sigmas[1], dtype))
    return restore(filter_channels(x.astype(dtype), kernel).astype(x.dtype))


def sobel_edges(images, data_format=None):
    """[..., 2]: the vertical (dy) and horizontal (dx) Sobel responses of each channel."""
    data_format = config.standardize_data_format(data_format)
    x, _ = as_batch(images, data_format, ranks=(4,))
    dtype = float_dtype(x.dtype)
    dy_kernel = jnp.asarray(_SOBEL_ROWS, dtype)
    x = x.astype(dtype)
    edges = jnp.stack([filter_channels(x, dy_kernel), filter_channels(x, dy_kernel.T)], axis=-1)
    return jnp.moveaxis(edges, 3, 1) if data_format == "channels_first" else edges


def ssim(image1, image2, max_val=1.0, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03, data_format=None):
    """Mean structural similarity of each image pair (Wang et al., 2004), over channels and full windows."""
    first, second = convert_to_tensor(image1), convert_to_tensor(image2)
    check_rank(first, what="image1")
    check_rank(second, what="image2")
    x, _ = as_batch(first, data_format)
    y, _ = as_batch(second, data_format)
    dtype = float_dtype(first.dtype)
    x, y = x.astype(dtype), y.astype(dtype)
    taps = gaussian_kernel(filter_size, filter_sigma, dtype)
    kernel = jnp.outer(taps, taps)

    def local_mean(v):
        return filter_channels(v, kernel, padding="VALID")

    mu_x, mu_y = local_mean(x), local_mean(y)
    var_x = local_mean(x * x) - mu_x * mu_x
    var_y = local_mean(y * y) - mu_y * mu_y
    cov = local_mean(x * y) - mu_x * mu_y
    c1, c2 = (k1 * max_val) ** 2, (k2 * max_val) ** 2
    numerator = (2 * mu_x * mu_y + c1) * (2 * cov + c2)
    ssim_map = numerator / ((mu_x ** 2 + mu_y ** 2 + c1) * (var_x + var_y + c2))
    per_image = jnp.mean(ssim_map, axis=(1, 2, 3))
    return per_image[0] if first.ndim == 3 else per_image
