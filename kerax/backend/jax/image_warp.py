"""Geometric warps of kerax.ops.image (JAX): every output pixel is read from a point of the input, found by an
inverse mapping (affine or projective transform, perspective from four point pairs, elastic displacement) and
interpolated with `map_coordinates` (order 0: nearest, 1: bilinear)."""
import jax
import jax.numpy as jnp
import numpy as np

from kerax.backend.jax.core import convert_to_tensor
from kerax.backend.jax.image_filters import gaussian_blur
from kerax.backend.jax.image_layout import as_batch, cast_back, check_choice, check_rank, float_dtype
from kerax.backend.jax.random import _key

INTERPOLATION_ORDERS = {"nearest": 0, "bilinear": 1}
FILL_MODES = ("constant", "nearest", "wrap", "mirror", "reflect")


def map_coordinates(inputs, coordinates, order, fill_mode="constant", fill_value=0.0):
    inputs = convert_to_tensor(inputs)
    coordinates = convert_to_tensor(coordinates)
    if len(coordinates.shape) < 2:
        raise ValueError(f"Invalid coordinates rank: expected at least rank 2. Received input with shape: "
                         f"{tuple(coordinates.shape)}")
    if coordinates.shape[0] != inputs.ndim:
        raise ValueError(f"First dim of `coordinates` must be the same as the rank of `inputs`. Received "
                         f"inputs with shape: {tuple(inputs.shape)} and coordinate leading dim of "
                         f"{coordinates.shape[0]}")
    check_choice("fill_mode", fill_mode, FILL_MODES)
    check_choice("order", order, (0, 1))
    dtype = float_dtype(inputs.dtype)
    out = jax.scipy.ndimage.map_coordinates(inputs.astype(dtype), list(coordinates.astype(dtype)), order,
                                            mode=fill_mode, cval=fill_value)
    return cast_back(out, inputs.dtype)


def sample(images, rows, cols, interpolation, fill_mode, fill_value):
    """images [B, H, W, C] read at (rows, cols) [B, H', W'] -> [B, H', W', C], in the images' dtype."""
    check_choice("interpolation", interpolation, INTERPOLATION_ORDERS)
    check_choice("fill_mode", fill_mode, FILL_MODES)
    dtype = float_dtype(images.dtype)

    def one_channel(plane, r, c):
        return jax.scipy.ndimage.map_coordinates(plane, [r, c], INTERPOLATION_ORDERS[interpolation],
                                                 mode=fill_mode, cval=fill_value)

    per_image = jax.vmap(one_channel, in_axes=(2, None, None), out_axes=-1)
    out = jax.vmap(per_image)(images.astype(dtype), rows.astype(dtype), cols.astype(dtype))
    return cast_back(out, images.dtype)


def projective_points(transforms, height, width):
    """(rows, cols) [B, height, width]: where each output pixel reads the input, for transforms [B, 8]
    `[a0, a1, a2, b0, b1, b2, c0, c1]`: (x, y) -> ((a0 x + a1 y + a2) / k, (b0 x + b1 y + b2) / k),
    k = c0 x + c1 y + 1."""
    y, x = jnp.meshgrid(jnp.arange(height, dtype=transforms.dtype), jnp.arange(width, dtype=transforms.dtype),
                        indexing="ij")
    a0, a1, a2, b0, b1, b2, c0, c1 = (transforms[:, i, None, None] for i in range(8))
    k = c0 * x + c1 * y + 1.0
    return (b0 * x + b1 * y + b2) / k, (a0 * x + a1 * y + a2) / k


def affine_transform(images, transform, interpolation="bilinear", fill_mode="constant", fill_value=0,
                     data_format=None):
    check_choice("interpolation", interpolation, INTERPOLATION_ORDERS)
    check_choice("fill_mode", fill_mode, FILL_MODES)
    x, restore = as_batch(images, data_format)
    transform = convert_to_tensor(transform)
    if transform.ndim not in (1, 2) or transform.shape[-1] != 8:
        raise ValueError("Invalid transform: expected shape (8,) for one transform or (batch, 8) for a "
                         f"batch. Received input with shape: transform.shape={tuple(transform.shape)}")
    transform = jnp.broadcast_to(transform.astype(float_dtype(x.dtype)), (x.shape[0], 8))
    rows, cols = projective_points(transform, x.shape[1], x.shape[2])
    return restore(sample(x, rows, cols, interpolation, fill_mode, fill_value))


def perspective_transform(images, start_points, end_points, interpolation="bilinear", fill_value=0,
                          data_format=None):
    start_points, end_points = convert_to_tensor(start_points), convert_to_tensor(end_points)
    for name, points in (("start_points", start_points), ("end_points", end_points)):
        if tuple(points.shape[-2:]) != (4, 2) or points.ndim not in (2, 3):
            raise ValueError(f"Invalid {name} shape: expected (4, 2) for a single image or (N, 4, 2) for a "
                             f"batch. Received shape: {tuple(points.shape)}")
    if start_points.shape != end_points.shape:
        raise ValueError(f"start_points and end_points must have the same shape. Received start_points.shape="
                         f"{tuple(start_points.shape)}, end_points.shape={tuple(end_points.shape)}")
    images = convert_to_tensor(images)
    check_rank(images)
    transforms = homography(start_points.reshape(-1, 4, 2), end_points.reshape(-1, 4, 2))
    return affine_transform(images, transforms if images.ndim == 4 else transforms[0], interpolation,
                            "constant", fill_value, data_format)


def homography(start_points, end_points):
    """[B, 8] projective transforms mapping each end (output) point onto its start (input) point."""
    start, end = start_points.astype("float32"), end_points.astype("float32")
    xs, ys, xe, ye = start[..., 0], start[..., 1], end[..., 0], end[..., 1]
    zero, one = jnp.zeros_like(xe), jnp.ones_like(xe)
    x_rows = jnp.stack([xe, ye, one, zero, zero, zero, -xs * xe, -xs * ye], axis=-1)
    y_rows = jnp.stack([zero, zero, zero, xe, ye, one, -ys * xe, -ys * ye], axis=-1)
    system = jnp.concatenate([x_rows, y_rows], axis=1)
    return jnp.linalg.solve(system, jnp.concatenate([xs, ys], axis=1)[..., None])[..., 0]


def elastic_transform(images, alpha=20.0, sigma=5.0, interpolation="bilinear", fill_mode="reflect",
                      fill_value=0.0, seed=None, data_format=None):
    """Each pixel moves by `alpha` times a random field smoothed by a Gaussian of std `sigma`
    (kernel size int(6 * sigma), made odd)."""
    check_choice("interpolation", interpolation, INTERPOLATION_ORDERS)
    check_choice("fill_mode", fill_mode, FILL_MODES)
    x, restore = as_batch(images, data_format)
    batch, height, width, _ = x.shape
    dtype = float_dtype(x.dtype)
    size = int(6 * float(sigma)) | 1
    noise = jax.random.normal(random_key(seed), (batch, height, width, 2), dtype=dtype) * sigma
    field = gaussian_blur(noise, (size, size), (sigma, sigma), "channels_last") * alpha
    rows, cols = jnp.meshgrid(jnp.arange(height, dtype=dtype), jnp.arange(width, dtype=dtype), indexing="ij")
    return restore(sample(x, rows + field[..., 0], cols + field[..., 1], interpolation, fill_mode,
                          fill_value))


def random_key(seed):
    """A key from a SeedGenerator (its next draw), an int, None (NumPy's global generator) or a key."""
    if getattr(seed, "_is_seed_generator", False):
        return seed.next()
    if seed is None:
        seed = int(np.random.randint(0, 2**31 - 1))
    return _key(int(seed) if isinstance(seed, (int, np.integer)) else seed)
