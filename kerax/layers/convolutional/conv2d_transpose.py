"""Conv2DTranspose: the transpose (gradient) of a Conv2D, used to upsample. Kernel shape
(rows, cols, filters, input channels)."""
from kerax import ops
from kerax.layers.convolutional import conv_utils
from kerax.layers.convolutional.base_conv import BaseConv


class Conv2DTranspose(BaseConv):
    _supports_groups = False

    def __init__(self, filters=None, kernel_size=None, strides=(1, 1), padding="valid", output_padding=None,
                 data_format=None, dilation_rate=(1, 1), activation=None, use_bias=True, **kwargs):
        super().__init__(2, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, activation=activation, use_bias=use_bias, **kwargs)
        if output_padding is not None:
            output_padding = conv_utils.normalize_tuple(output_padding, 2, "output_padding", "Conv2DTranspose",
                                                        allow_zero=True)
            if any(p >= s for p, s in zip(output_padding, self.strides)):
                raise ValueError(f"Conv2DTranspose: `output_padding` must be smaller than `strides`, received "
                                 f"output_padding={output_padding} and strides={self.strides}.")
        self.output_padding = output_padding

    def _build_kernels(self, channels):
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (self.filters, channels), initializer=self.kernel_initializer,
            regularizer=self.kernel_regularizer, constraint=self.kernel_constraint,
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
