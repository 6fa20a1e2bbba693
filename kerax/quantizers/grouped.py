"""Grouped asymmetric quantization of a 2-D (input_dim, output_dim) kernel: rows in groups of `block_size`
(the last group zero-padded), each group and column with its own scale and zero point:
`scale = (max - min + epsilon) / (qmax - qmin)`, `zero = clip(round(-min / scale) + qmin)`,
`q = clip(round(x / scale) + zero)`; dequantize with `(q - zero) * scale`."""
import math

import numpy as np

from kerax import ops
from kerax.backend import epsilon as _epsilon, standardize_dtype


def abs_max_quantize_grouped_with_zero_point(inputs, block_size, value_range=(-8, 7), dtype="int8",
                                            epsilon=_epsilon(), to_numpy=False):
    """(quantized (input_dim, output_dim), scale (n_groups, output_dim), zero point (n_groups, output_dim)
    as int8), n_groups = ceil(input_dim / block_size). `to_numpy` computes on the host."""
    source_dtype = standardize_dtype(inputs.dtype)
    xp = np if to_numpy else ops
    x = np.asarray(ops.convert_to_numpy(inputs)) if to_numpy else ops.convert_to_tensor(inputs)
    rows, columns = x.shape
    groups = math.ceil(rows / block_size)
    low, high = value_range
    padded = xp.concatenate([x, xp.zeros((groups * block_size - rows, columns), dtype=x.dtype)], axis=0)
    blocks = xp.reshape(padded, (groups, block_size, columns))
    minimum, maximum = xp.min(blocks, axis=1, keepdims=True), xp.max(blocks, axis=1, keepdims=True)
    scale = (maximum - minimum + epsilon) / (high - low)
    zero = xp.clip(xp.round(-minimum / scale) + low, low, high)
    q = xp.clip(xp.round(blocks / scale) + zero, low, high)
    q = xp.reshape(q, (groups * block_size, columns))[:rows]
    return ops.cast(q, dtype), ops.cast(scale[:, 0], source_dtype), ops.cast(zero[:, 0], "int8")
