"""Channels-last convolution for CPU whose gradients are matrix products over image patches (im2col).

XLA's CPU gradients of `conv_general_dilated` are slow, the kernel gradient very slow inside the `lax.scan`
that runs a training epoch. Measured on the cnn workload: 32 kernel gradients of its second conv
(128 x 13 x 13 x 32 -> 64, 3 x 3) took 51 s in a scan against 1.3 s as patches^T @ dy; the whole epoch took
25 s with XLA's gradients, 4.0 s CPU time with only the kernel gradient replaced, 2.9 s with both. The forward
pass stays XLA's own, which is fast.
"""
import functools
import itertools
import math

import jax
import jax.numpy as jnp

# Patches kept from the forward to the backward pass at most (bytes); larger ones are made again there.
MAX_KEPT_PATCHES = 256 * 2 ** 20


def _lax_conv(x, kernel, strides, pads, dilation, groups):
    rank = x.ndim - 2
    spatial = "DHW"[-rank:]
    return jax.lax.conv_general_dilated(
        x, kernel, strides, pads, rhs_dilation=dilation, feature_group_count=groups,
        dimension_numbers=("N" + spatial + "C", spatial + "IO", "N" + spatial + "C"),
    )


@functools.partial(jax.custom_vjp, nondiff_argnums=(2, 3, 4, 5))
def conv_channels_last(x, kernel, strides, pads, dilation, groups):
    """`pads`: one explicit (before, after) pair per spatial axis."""
    return _lax_conv(x, kernel, strides, pads, dilation, groups)


def _forward(x, kernel, strides, pads, dilation, groups):
    """Under differentiation the output is computed as patches @ kernel, and the patches are kept for the
    backward pass (unless they would take more than MAX_KEPT_PATCHES bytes)."""
    window = kernel.shape[:-2]
    patches = _patches(x, window, strides, pads, dilation, _output_lengths(x, window, strides, pads, dilation))
    if patches.size * patches.dtype.itemsize > MAX_KEPT_PATCHES:
        return _lax_conv(x, kernel, strides, pads, dilation, groups), (x, kernel, None)
    return _patches_times_kernel(patches, kernel, groups), (x, kernel, patches)


def _backward(strides, pads, dilation, groups, residuals, dy):
    x, kernel, patches = residuals
    window = kernel.shape[:-2]
    lengths = _output_lengths(x, window, strides, pads, dilation)

    def patches_of(x):
        return _patches(x, window, strides, pads, dilation, lengths)

    if patches is None:
        patches = patches_of(x)
    grouped_patches, grouped_kernel = _grouped(patches, groups), _grouped_kernel(kernel, groups)
    rows = grouped_patches.shape[1]
    dy = jnp.moveaxis(dy.reshape(rows, groups, -1), 1, 0)
    d_kernel = jnp.moveaxis(jnp.matmul(jnp.swapaxes(grouped_patches, 1, 2), dy), 0, 1)
    d_patches = jnp.matmul(dy, jnp.swapaxes(grouped_kernel, 1, 2)).reshape(groups, rows, math.prod(window), -1)
    d_patches = jnp.moveaxis(d_patches, 0, 2).reshape(patches.shape)
    d_x = jax.linear_transpose(patches_of, x)(d_patches)[0]
    return d_x, d_kernel.reshape(kernel.shape)


conv_channels_last.defvjp(_forward, _backward)


def _output_lengths(x, window, strides, pads, dilation):
    return tuple((n + before + after - (k - 1) * d - 1) // s + 1
                 for n, k, s, (before, after), d in zip(x.shape[1:-1], window, strides, pads, dilation))


def _grouped(patches, groups):
    """(batch, *out, window, channels) -> (groups, rows, window * group channels)."""
    *_, size, channels = patches.shape
    rows = math.prod(patches.shape[:-2])
    grouped = jnp.moveaxis(patches.reshape(rows, size, groups, channels // groups), 2, 0)
    return grouped.reshape(groups, rows, size * (channels // groups))


def _grouped_kernel(kernel, groups):
    """(*window, group channels, out) -> (groups, window * group channels, out / groups)."""
    return jnp.moveaxis(kernel.reshape(-1, groups, kernel.shape[-1] // groups), 1, 0)


def _patches_times_kernel(patches, kernel, groups):
    products = jnp.matmul(_grouped(patches, groups), _grouped_kernel(kernel, groups))  # (groups, rows, out/g)
    return jnp.moveaxis(products, 0, 1).reshape(*patches.shape[:-2], kernel.shape[-1])


def _patches(x, window, strides, pads, dilation, out_lengths):
    """(batch, *out_lengths, window positions, channels): the input under each kernel position."""
    if any(before or after for before, after in pads):
        x = jnp.pad(x, [(0, 0), *pads, (0, 0)])
    patches = []
    for offsets in itertools.product(*(range(k) for k in window)):
        start = [0] + [o * d for o, d in zip(offsets, dilation)] + [0]
        stop = [x.shape[0]] + [a + (n - 1) * s + 1 for a, n, s in zip(start[1:], out_lengths, strides)]
        patches.append(jax.lax.slice(x, start, stop + [x.shape[-1]], [1, *strides, 1]))
    # Joined along the channels, then split: XLA's CPU code for this is faster than for a stack (and its
    # transpose in the backward pass too).
    joined = jnp.concatenate(patches, axis=-1)
    return joined.reshape(*joined.shape[:-1], len(patches), x.shape[-1])
