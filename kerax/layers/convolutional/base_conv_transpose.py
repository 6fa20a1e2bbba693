"""BaseConvTranspose: the transpose (gradient) of a convolution, used to upsample. Kernel shape
(*kernel_size, filters, input channels). Without `output_padding` the output length is `input * stride` for
"same" and `input * stride + max(kernel - stride, 0)` for "valid"."""
from kerax import ops
from kerax.layers.convolutional import conv_utils
from kerax.layers.convolutional.base_conv import BaseConv


class BaseConvTranspose(BaseConv):
    _supports_groups = False

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", output_padding=None,
                 data_format=None, dilation_rate=1, **kwargs):
        super().__init__(rank, filters, kernel_size, strides=strides, padding=padding,
                         data_format=data_format, dilation_rate=dilation_rate, **kwargs)
        kind = type(self).__name__
        if output_padding is not None:
            output_padding = conv_utils.normalize_tuple(output_padding, rank, "output_padding", kind,
                                                        allow_zero=True)
            if any(p >= s for p, s in zip(output_padding, self.strides)):
                raise ValueError(f"{kind}: `output_padding` must be smaller than `strides`, received "
                                 f"output_padding={output_padding} and strides={self.strides}.")
        if max(self.strides) > 1 and max(self.dilation_rate) > 1:
            raise ValueError(f"{kind}: `strides` > 1 cannot be combined with `dilation_rate` > 1, received "
                             f"strides={self.strides} and dilation_rate={self.dilation_rate}.")
        self.output_padding = output_padding

    def _build_kernels(self, channels):
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (self.filters, channels),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )

    def _output_lengths(self, lengths):
        output_padding = self.output_padding or (None,) * self.rank
        return [conv_utils.transpose_output_length(n, k, self.padding, s, d, p) for n, k, s, d, p in
                zip(lengths, self.kernel_size, self.strides, self.dilation_rate, output_padding)]

    def _convolve(self, inputs):
        return ops.conv_transpose(inputs, self.kernel, self.strides, self.padding, self.output_padding,
                                  self.data_format, self.dilation_rate)

    def get_config(self):
        return {**super().get_config(), "output_padding": self.output_padding}
