"""Adaptive pooling (JAX): pooling to a fixed output size. Output cell i of a length-L axis pooled to n cells
covers inputs floor(i * L / n) to ceil((i + 1) * L / n) (exclusive), as in PyTorch and Keras. The windows are a
product over the spatial axes, so each axis is pooled in turn."""
import math

import jax.numpy as jnp
import numpy as np

from kerax.backend import config
from kerax.backend.jax.tensors import as_float, compiled, tensor

__all__ = ["adaptive_average_pool", "adaptive_max_pool"]


def _windows(length, size):
    starts = [math.floor(i * length / size) for i in range(size)]
    ends = [math.ceil((i + 1) * length / size) for i in range(size)]
    return starts, ends


def _average_axis(x, axis, size):
    starts, ends = _windows(x.shape[axis], size)
    weights = np.zeros((size, x.shape[axis]), np.float32)
    for i, (start, end) in enumerate(zip(starts, ends)):
        weights[i, start:end] = 1.0 / (end - start)
    pooled = jnp.tensordot(jnp.asarray(weights, x.dtype), jnp.moveaxis(x, axis, 0), axes=1)
    return jnp.moveaxis(pooled, 0, axis)


def _max_axis(x, axis, size):
    starts, ends = _windows(x.shape[axis], size)
    width = max(e - s for s, e in zip(starts, ends))
    # Each window's indices, the last one repeated to pad short windows to `width` (harmless for a max).
    index = np.minimum(np.array(starts)[:, None] + np.arange(width), np.array(ends)[:, None] - 1)
    gathered = jnp.take(x, jnp.asarray(index.reshape(-1)), axis=axis)
    shape = x.shape[:axis] + (size, width) + x.shape[axis + 1:]
    return jnp.max(jnp.reshape(gathered, shape), axis=axis + 1)


@compiled("name", "pool_axis", "output_size", "data_format")
def _adaptive_pool(name, pool_axis, inputs, output_size, data_format):
    inputs = tensor(inputs)
    rank = inputs.ndim - 2
    if rank not in (1, 2, 3):
        raise ValueError(f"{name}: expected a 3-D, 4-D or 5-D input (batch, spatial..., channels), received "
                         f"shape {inputs.shape}.")
    sizes = (output_size,) * rank if isinstance(output_size, int) else tuple(output_size)
    if len(sizes) != rank:
        raise ValueError(f"{name}: `output_size` must be an int or {rank} ints, received {output_size!r}.")
    first = 1 if config.standardize_data_format(data_format) == "channels_last" else 2
    for axis, size in zip(range(first, first + rank), sizes):
        inputs = pool_axis(inputs, axis, size)
    return inputs


def adaptive_average_pool(inputs, output_size, data_format=None):
    return _adaptive_pool("adaptive_average_pool", _average_axis, as_float(inputs), output_size, data_format)


def adaptive_max_pool(inputs, output_size, data_format=None):
    return _adaptive_pool("adaptive_max_pool", _max_axis, inputs, output_size, data_format)
