"""Output lengths of convolutions: shape arithmetic every engine and the layers share."""


def transpose_output_length(length, kernel, padding, stride, dilation=1, output_padding=None):
    """Output length of a transposed convolution (Keras's rule): `length * stride` for "same", else
    `length * stride + max(kernel - stride, 0)`; with `output_padding`,
    `(length - 1) * stride + kernel - 2 * pad + output_padding`, pad being kernel // 2 for "same"."""
    if length is None:
        return None
    effective = (kernel - 1) * dilation + 1
    if output_padding is None:
        return length * stride if padding == "same" else length * stride + max(effective - stride, 0)
    pad = effective // 2 if padding == "same" else 0
    return (length - 1) * stride + effective - 2 * pad + output_padding
