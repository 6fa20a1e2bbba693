"""NumPy reference convolutions (channels_last, 1 to 3 spatial axes), written with explicit loops over output
positions and kernel offsets. Padding "same" follows TensorFlow's rule: the total padding of an axis is
max((ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0), the smaller half before."""
import math

import numpy as np


def same_pads(length, kernel, stride, dilation=1):
    total = max((math.ceil(length / stride) - 1) * stride + (kernel - 1) * dilation + 1 - length, 0)
    return total // 2, total - total // 2


def conv(x, kernel, strides, padding="valid", dilation=1, groups=1):
    """x (batch, *spatial, in), kernel (*window, in // groups, out) -> (batch, *out_spatial, out)."""
    rank = x.ndim - 2
    window = kernel.shape[:rank]
    strides, dilation = _tuple(strides, rank), _tuple(dilation, rank)
    if padding == "same":
        pads = [same_pads(n, k, s, d) for n, k, s, d in zip(x.shape[1:-1], window, strides, dilation)]
    elif padding == "causal":
        pads = [((window[0] - 1) * dilation[0], 0)]
    else:
        pads = [(0, 0)] * rank
    x = np.pad(x, [(0, 0), *pads, (0, 0)])
    out_lengths = [(n - (k - 1) * d - 1) // s + 1
                   for n, k, s, d in zip(x.shape[1:-1], window, strides, dilation)]
    group_in, out_channels = kernel.shape[-2], kernel.shape[-1]
    group_out = out_channels // groups
    y = np.zeros((x.shape[0], *out_lengths, out_channels))
    for position in np.ndindex(*out_lengths):
        for offset in np.ndindex(*window):
            source = tuple(p * s + o * d for p, o, s, d in zip(position, offset, strides, dilation))
            pixel = x[(slice(None), *source)]  # (batch, in)
            for g in range(groups):
                ins, outs = slice(g * group_in, (g + 1) * group_in), slice(g * group_out, (g + 1) * group_out)
                y[(slice(None), *position, outs)] += pixel[:, ins] @ kernel[offset][:, outs]
    return y


def depthwise_conv(x, kernel, strides, padding="valid", dilation=1):
    """kernel (*window, in, multiplier); output channel c * multiplier + m is input channel c convolved with
    kernel[..., c, m]."""
    channels, multiplier = kernel.shape[-2:]
    outputs = [conv(x[..., c:c + 1], kernel[..., c:c + 1, m:m + 1], strides, padding, dilation)
               for c in range(channels) for m in range(multiplier)]
    return np.concatenate(outputs, axis=-1)


def conv_transpose(x, kernel, strides, padding, out_lengths, dilation=1):
    """Scatter-add: input pixel i adds value * kernel[k] at output position i * s + k * d - before, where
    `before` is the padding a "same" forward conv from `out_lengths` would add (0 for "valid").
    kernel (*window, out, in)."""
    rank = x.ndim - 2
    window = kernel.shape[:rank]
    strides, dilation = _tuple(strides, rank), _tuple(dilation, rank)
    befores = [same_pads(n, k, s, d)[0] if padding == "same" else 0
               for n, k, s, d in zip(out_lengths, window, strides, dilation)]
    y = np.zeros((x.shape[0], *out_lengths, kernel.shape[-2]))
    for position in np.ndindex(*x.shape[1:-1]):
        for offset in np.ndindex(*window):
            target = tuple(p * s + o * d - b
                           for p, o, s, d, b in zip(position, offset, strides, dilation, befores))
            if all(0 <= t < n for t, n in zip(target, out_lengths)):
                y[(slice(None), *target)] += x[(slice(None), *position)] @ kernel[offset].T
    return y


def _tuple(value, rank):
    return (value,) * rank if isinstance(value, int) else tuple(value)
