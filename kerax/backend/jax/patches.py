"""Rearranging image blocks (JAX): sliding-window patches as columns (`unfold`) and back (`fold`), and moving
block_size x block_size spatial blocks into channels (`space_to_depth`) and back (`depth_to_space`)."""
import jax
import jax.numpy as jnp

from kerax.backend.jax.tensors import compiled, tensor

__all__ = ["unfold", "fold", "depth_to_space", "space_to_depth"]


def _pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


@compiled("kernel_size", "dilation", "padding", "stride")
def unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    """(N, C, H, W) -> (N, C * kH * kW, L): every kH x kW window as a column (channel-major, as torch's
    Unfold)."""
    x = tensor(x)
    if x.ndim != 4:
        raise ValueError(f"unfold: expected a 4-D (N, C, H, W) input, received shape {x.shape}.")
    pad_h, pad_w = _pair(padding)
    x = jnp.pad(x, ((0, 0), (0, 0), (pad_h, pad_h), (pad_w, pad_w)))
    patches = jax.lax.conv_general_dilated_patches(
        x, _pair(kernel_size), _pair(stride), "VALID", rhs_dilation=_pair(dilation),
        dimension_numbers=("NCHW", "OIHW", "NCHW"),
    )
    return jnp.reshape(patches, patches.shape[:2] + (-1,))


@compiled("output_size", "kernel_size", "dilation", "padding", "stride")
def fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    """Inverse arrangement of `unfold` (N, C * kH * kW, L) -> (N, C, H, W); overlapping values add up."""
    x = tensor(x)
    if x.ndim != 3:
        raise ValueError(f"fold: expected a 3-D (N, C * kH * kW, L) input, received shape {x.shape}.")
    kernel_h, kernel_w = _pair(kernel_size)
    channels = x.shape[1] // (kernel_h * kernel_w)
    image = jax.ShapeDtypeStruct((x.shape[0], channels) + _pair(output_size), x.dtype)
    # fold is the transpose of the linear map unfold.
    (folded,) = jax.linear_transpose(lambda y: unfold(y, kernel_size, dilation, padding, stride), image)(x)
    return folded


def _channels_last(data_format):
    if data_format not in ("channels_last", "channels_first"):
        raise ValueError(f"`data_format` must be 'channels_last' or 'channels_first', received {data_format!r}.")
    return data_format == "channels_last"


@compiled("block_size", "data_format")
def depth_to_space(x, block_size, data_format="channels_last"):
    """(N, H, W, C) -> (N, H * b, W * b, C / b**2) (or the channels_first equivalent)."""
    x = tensor(x)
    b = block_size
    if _channels_last(data_format):
        n, h, w, c = x.shape
        x = jnp.transpose(jnp.reshape(x, (n, h, w, b, b, c // b**2)), (0, 1, 3, 2, 4, 5))
        return jnp.reshape(x, (n, h * b, w * b, c // b**2))
    n, c, h, w = x.shape
    x = jnp.transpose(jnp.reshape(x, (n, c // b**2, b, b, h, w)), (0, 1, 4, 2, 5, 3))
    return jnp.reshape(x, (n, c // b**2, h * b, w * b))


@compiled("block_size", "data_format")
def space_to_depth(x, block_size, data_format="channels_last"):
    """(N, H, W, C) -> (N, H / b, W / b, C * b**2) (or the channels_first equivalent); inverse of
    depth_to_space."""
    x = tensor(x)
    b = block_size
    if _channels_last(data_format):
        n, h, w, c = x.shape
        x = jnp.transpose(jnp.reshape(x, (n, h // b, b, w // b, b, c)), (0, 1, 3, 2, 4, 5))
        return jnp.reshape(x, (n, h // b, w // b, c * b**2))
    n, c, h, w = x.shape
    x = jnp.transpose(jnp.reshape(x, (n, c, h // b, b, w // b, b)), (0, 1, 3, 5, 2, 4))
    return jnp.reshape(x, (n, c * b**2, h // b, w // b))
