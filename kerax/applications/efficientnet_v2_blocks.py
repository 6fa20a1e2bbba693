"""EfficientNetV2's blocks: MBConv (1x1 expansion, depthwise conv) and fused MBConv (one full convolution for
expansion), both with optional squeeze-and-excite and a residual connection."""
from kerax import layers
from kerax.applications import model_inputs
from kerax.applications.efficientnet_blocks import (
    CONV_KERNEL_INITIALIZER, bn_activation, conv, residual, squeeze_excite,
)


def round_filters(filters, width_coefficient, min_depth, depth_divisor):
    filters *= width_coefficient
    rounded = int(filters + depth_divisor / 2) // depth_divisor * depth_divisor
    return int(max(min_depth or depth_divisor, rounded))


def MBConvBlock(input_filters, output_filters, expand_ratio=1, kernel_size=3, strides=1, se_ratio=0.0,
                bn_momentum=0.9, activation="swish", survival_probability=0.8, name=None):
    """1x1 expansion, depthwise conv, squeeze-excite, 1x1 projection, residual."""

    def apply(inputs):
        filters = input_filters * expand_ratio
        x = inputs
        if expand_ratio != 1:
            x = conv(filters, 1, f"{name}expand_conv")(x)
            x = bn_activation(x, f"{name}expand_", activation, bn_momentum)
        x = layers.DepthwiseConv2D(kernel_size=kernel_size, strides=strides, padding="same", use_bias=False,
                                   depthwise_initializer=CONV_KERNEL_INITIALIZER, name=f"{name}dwconv2")(x)
        x = bn_activation(x, name, activation, bn_momentum)
        x = squeeze_excite(x, input_filters, filters, se_ratio, activation, name)
        x = conv(output_filters, 1, f"{name}project_conv")(x)
        return _finish(x, inputs, input_filters, output_filters, strides, bn_momentum, survival_probability,
                       name)

    return apply


def FusedMBConvBlock(input_filters, output_filters, expand_ratio=1, kernel_size=3, strides=1, se_ratio=0.0,
                     bn_momentum=0.9, activation="swish", survival_probability=0.8, name=None):
    """A full kxk expansion convolution (instead of 1x1 + depthwise), squeeze-excite, projection, residual."""

    def apply(inputs):
        filters = input_filters * expand_ratio
        expanded = expand_ratio != 1
        x = inputs
        if expanded:
            x = conv(filters, kernel_size, f"{name}expand_conv", strides=strides)(x)
            x = bn_activation(x, f"{name}expand_", activation, bn_momentum)
        x = squeeze_excite(x, input_filters, filters, se_ratio, activation, name)
        x = conv(output_filters, 1 if expanded else kernel_size, f"{name}project_conv",
                 strides=1 if expanded else strides)(x)
        return _finish(x, inputs, input_filters, output_filters, strides, bn_momentum, survival_probability,
                       name, activation=None if expanded else activation)

    return apply


def _finish(x, inputs, input_filters, output_filters, strides, bn_momentum, survival_probability, name,
            activation=None):
    """Batch norm of the projection, its activation (fused blocks without expansion), the residual."""
    x = layers.BatchNormalization(axis=model_inputs.bn_axis(), momentum=bn_momentum,
                                  name=f"{name}project_bn")(x)
    if activation is not None:
        x = layers.Activation(activation, name=f"{name}project_activation")(x)
    if strides == 1 and input_filters == output_filters:
        x = residual(x, inputs, survival_probability or 0, name)  # Keras uses it as the drop rate
    return x
