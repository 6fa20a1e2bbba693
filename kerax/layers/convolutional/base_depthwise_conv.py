"""BaseDepthwiseConv: each input channel convolved with its own `depth_multiplier` filters (no mixing across
channels). Kernel shape (*kernel_size, input channels, depth_multiplier); output channel c * depth_multiplier
+ m."""
from kerax import ops
from kerax.layers.convolutional.base_conv import (
    BaseConv, drop_unused_kernel_arguments, rename_kernel_arguments,
)


class BaseDepthwiseConv(BaseConv):
    _supports_groups = False
    _filters_from_input = True
    keras2_weight_names = {"kernel": "depthwise_kernel"}  # tf.keras's name in its HDF5 files

    def __init__(self, rank, kernel_size, strides=1, padding="valid", depth_multiplier=1, data_format=None,
                 dilation_rate=1, depthwise_initializer="glorot_uniform", depthwise_regularizer=None,
                 depthwise_constraint=None, **kwargs):
        super().__init__(rank, None, kernel_size, strides=strides, padding=padding, data_format=data_format,
                         dilation_rate=dilation_rate, kernel_initializer=depthwise_initializer,
                         kernel_regularizer=depthwise_regularizer, kernel_constraint=depthwise_constraint,
                         **drop_unused_kernel_arguments(kwargs))
        self.depth_multiplier = check_depth_multiplier(type(self).__name__, depth_multiplier)

    def _build_kernels(self, channels):
        self.kernel = self.add_weight(
            name="kernel", shape=self.kernel_size + (channels, self.depth_multiplier),
            initializer=self.kernel_initializer, regularizer=self.kernel_regularizer,
            constraint=self.kernel_constraint,
        )

    @property
    def depthwise_kernel(self):  # the tf.keras attribute name
        return self.kernel

    def _output_channels(self, channels):
        return None if channels is None else channels * self.depth_multiplier

    def _convolve(self, inputs):
        return ops.depthwise_conv(inputs, self.kernel, self.strides, self.padding, self.data_format,
                                  self.dilation_rate)

    def get_config(self):
        config = rename_kernel_arguments(super().get_config(), "depthwise")
        del config["filters"]
        return {**config, "depth_multiplier": self.depth_multiplier}


def check_depth_multiplier(kind, depth_multiplier):
    if not isinstance(depth_multiplier, int) or depth_multiplier <= 0:
        raise ValueError(f"{kind}: `depth_multiplier` must be a positive integer, received "
                         f"depth_multiplier={depth_multiplier!r}.")
    return depth_multiplier
