"""Conv2D: 2-D convolution over images (batch, rows, cols, channels) (or channels first)."""
from kerax.layers.convolutional.base_conv import BaseConv


class Conv2D(BaseConv):
    def __init__(self, filters=None, kernel_size=None, strides=(1, 1), padding="valid", data_format=None,
                 dilation_rate=(1, 1), groups=1, activation=None, use_bias=True, **kwargs):
        super().__init__(2, filters, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, groups=groups, activation=activation, use_bias=use_bias,
                         **kwargs)

