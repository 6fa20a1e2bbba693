"""RegNet's stem, residual blocks and stages (Radosavovic et al., 2020). The X block is a ResNeXt
bottleneck (1x1, grouped 3x3, 1x1, all with `filters_out` channels); the Y block adds squeeze-and-excite after
the grouped convolution. Layer names follow tf.keras's: `<model>_Stage_<i>_<X|Y>Block_<j>_<part>`."""
from kerax import backend, layers
from kerax.applications import model_inputs

BN_MOMENTUM, BN_EPSILON = 0.9, 1e-5
SE_RATIO = 0.25


def conv(filters, kernel_size, name, **kwargs):
    return layers.Conv2D(filters, kernel_size, use_bias=False, kernel_initializer="he_normal", name=name,
                         **kwargs)


def batch_norm(name):
    return layers.BatchNormalization(axis=model_inputs.channel_axis(), momentum=BN_MOMENTUM,
                                     epsilon=BN_EPSILON, name=name)


def conv_bn(x, filters, kernel_size, name, bn_name=None, relu_name=None, **kwargs):
    """`{name}` conv then batch norm (`bn_name`, default `{name}_bn`), then a ReLU named `relu_name` when
    given."""
    x = batch_norm(bn_name or f"{name}_bn")(conv(filters, kernel_size, name, **kwargs)(x))
    return layers.ReLU(name=relu_name)(x) if relu_name else x


def stem(x, model_name):
    """32 channels at half the input size."""
    return conv_bn(x, 32, 3, f"{model_name}_stem_conv", f"{model_name}_stem_bn", f"{model_name}_stem_relu",
                   strides=2, padding="same")


def op_layer_name(op_name):
    """tf.keras records `a * b` and `a + b` between its layers as op layers named `tf.math.multiply`,
    `tf.__operators__.add` (then `_1`, `_2`, ...); the Multiply / Add layers here take the same names."""
    return backend.naming.uniquify(op_name)


def squeeze_excite(x, filters, se_filters, name):
    """Rescales each channel by a sigmoid gate computed from the global average of all channels."""
    se = layers.GlobalAveragePooling2D(keepdims=True, name=f"{name}_squeeze_and_excite_gap")(x)
    se = layers.Conv2D(se_filters, 1, activation="relu", kernel_initializer="he_normal",
                       name=f"{name}_squeeze_and_excite_squeeze")(se)
    se = layers.Conv2D(filters, 1, activation="sigmoid", kernel_initializer="he_normal",
                       name=f"{name}_squeeze_and_excite_excite")(se)
    return layers.Multiply(name=op_layer_name("tf.math.multiply"))([se, x])


def block(inputs, filters_in, filters_out, group_width, stride, squeeze_excite_ratio, name):
    """One residual block: an X block when `squeeze_excite_ratio` is 0, a Y block otherwise."""
    if stride == 1 and filters_in != filters_out:
        raise ValueError(f"Input filters({filters_in}) and output filters({filters_out}) are not equal for "
                         f"stride {stride}. Input and output filters must be equal for stride={stride}.")
    # tf.keras's Conv2D reads groups=0 (RegNetX080's first stage: 80 channels, group width 120) as 1
    skip = inputs
    if stride != 1:
        skip = conv_bn(inputs, filters_out, 1, f"{name}_skip_1x1", f"{name}_skip_bn", strides=stride)
    x = conv_bn(inputs, filters_out, 1, f"{name}_conv_1x1_1", relu_name=f"{name}_conv_1x1_1_relu")
    x = conv_bn(x, filters_out, 3, f"{name}_conv_3x3", relu_name=f"{name}_conv_3x3_relu", strides=stride,
                groups=filters_out // group_width or 1, padding="same")
    if squeeze_excite_ratio:
        x = squeeze_excite(x, filters_out, int(filters_in * squeeze_excite_ratio), name)
    x = conv_bn(x, filters_out, 1, f"{name}_conv_1x1_2")
    x = layers.Add(name=op_layer_name("tf.__operators__.add"))([x, skip])
    return layers.ReLU(name=f"{name}_exit_relu")(x)


def stage(x, block_type, depth, group_width, filters_in, filters_out, name):
    """`depth` blocks; the first halves the size and changes the width."""
    ratio = {"X": 0.0, "Y": SE_RATIO}.get(block_type)
    if ratio is None:
        raise NotImplementedError(f"Block type `{block_type}` not recognized. block_type must be one of "
                                  "(`X`, `Y`) (tf.keras's `Z` block cannot build a model either).")
    for i in range(depth):
        x = block(x, filters_in if i == 0 else filters_out, filters_out, group_width, 2 if i == 0 else 1,
                  ratio, f"{name}_{block_type}Block_{i}")
    return x
