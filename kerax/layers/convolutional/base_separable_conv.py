"""BaseSeparableConv: a depthwise convolution (kernel (*kernel_size, channels, depth_multiplier)) followed by
a pointwise convolution (kernel (1, ..., 1, channels * depth_multiplier, filters)) that mixes the channels."""
from kerax import constraints, initializers, ops, regularizers
from kerax.layers.convolutional.base_conv import (
    BaseConv, drop_unused_kernel_arguments, rename_kernel_arguments,
)
from kerax.layers.convolutional.base_depthwise_conv import check_depth_multiplier


class BaseSeparableConv(BaseConv):
    _supports_groups = False

    def __init__(self, rank, filters, kernel_size, strides=1, padding="valid", data_format=None,
                 dilation_rate=1, depth_multiplier=1, depthwise_initializer="glorot_uniform",
                 pointwise_initializer="glorot_uniform", depthwise_regularizer=None,
                 pointwise_regularizer=None, depthwise_constraint=None, pointwise_constraint=None, **kwargs):
        super().__init__(rank, filters, kernel_size, strides=strides, padding=padding,
                         data_format=data_format, dilation_rate=dilation_rate,
                         kernel_initializer=depthwise_initializer, kernel_regularizer=depthwise_regularizer,
                         kernel_constraint=depthwise_constraint, **drop_unused_kernel_arguments(kwargs))
        self.depth_multiplier = check_depth_multiplier(type(self).__name__, depth_multiplier)
        self.pointwise_initializer = initializers.get(pointwise_initializer)
        self.pointwise_regularizer = regularizers.get(pointwise_regularizer)
        self.pointwise_constraint = constraints.get(pointwise_constraint)

    def _build_kernels(self, channels):
        self.depthwise_kernel = self.add_weight(
            name="depthwise_kernel", shape=self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )
        self.pointwise_kernel = self.add_weight(
            name="pointwise_kernel",
            shape=(1,) * self.rank + (channels * self.depth_multiplier, self.filters),
            initializer=self.pointwise_initializer, regularizer=self.pointwise_regularizer,
            constraint=self.pointwise_constraint,
        )

    def _convolve(self, inputs):
        return ops.separable_conv(inputs, self.depthwise_kernel, self.pointwise_kernel, self.strides,
                                  self.padding, self.data_format, self.dilation_rate)

    def get_config(self):
        return {
            **rename_kernel_arguments(super().get_config(), "depthwise"),
            "depth_multiplier": self.depth_multiplier,
            "pointwise_initializer": initializers.serialize(self.pointwise_initializer),
            "pointwise_regularizer": regularizers.serialize(self.pointwise_regularizer),
            "pointwise_constraint": constraints.serialize(self.pointwise_constraint),
        }
