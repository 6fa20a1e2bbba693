"""NumPy reference pooling with explicit loops over the output positions (channels_last, 1 to 3 spatial axes).
Padding "same" follows TensorFlow's rule: total padding max((ceil(n / s) - 1) * s + p - n, 0), smaller half
before."""
import math

import numpy as np


def pool(x, pool_size, strides, padding, reduce):
    """`reduce` ("max" or "mean") over each window of x (batch, *spatial, channels); with "same", the
    padded cells are left out (so they count neither in a max nor in a mean's denominator)."""
    rank = x.ndim - 2
    lengths = x.shape[1:-1]
    if padding == "same":
        befores = [max((math.ceil(n / s) - 1) * s + p - n, 0) // 2
                   for n, p, s in zip(lengths, pool_size, strides)]
        out_lengths = [math.ceil(n / s) for n, s in zip(lengths, strides)]
    else:
        befores = [0] * rank
        out_lengths = [(n - p) // s + 1 for n, p, s in zip(lengths, pool_size, strides)]
    y = np.zeros((x.shape[0], *out_lengths, x.shape[-1]))
    for position in np.ndindex(*out_lengths):
        starts = [o * s - b for o, s, b in zip(position, strides, befores)]
        window = tuple(slice(max(a, 0), min(a + p, n)) for a, p, n in zip(starts, pool_size, lengths))
        cells = x[(slice(None), *window)].reshape(x.shape[0], -1, x.shape[-1])
        y[(slice(None), *position)] = cells.max(axis=1) if reduce == "max" else cells.mean(axis=1)
    return y
