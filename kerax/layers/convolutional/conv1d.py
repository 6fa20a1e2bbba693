"""Conv1D: convolution over sequences (batch, steps, channels) (or channels first). `padding="causal"`
left-pads the sequence so that output step t only sees inputs up to t."""
from kerax.layers.convolutional.base_conv import BaseConv


class Conv1D(BaseConv):
    _paddings = ("valid", "same", "causal")

    def __init__(self, filters=None, kernel_size=None, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, groups=1, activation=None, use_bias=True, **kwargs):
        super().__init__(1, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, groups=groups, activation=activation, use_bias=use_bias,
                         **kwargs)

