"""ResNet-RS's pieces (Bello et al., 2021): convolutions padded independently of the input size, the
ResNet-D stem (three 3x3 convolutions instead of one 7x7), and bottleneck blocks with squeeze-and-excite,
stochastic depth and an average-pooled projection shortcut. Layer names follow tf.keras's."""
from kerax import backend, layers
from kerax.applications import model_inputs
from kerax.applications.efficientnet_blocks import conv, squeeze_excite


class Settings:
    """What every block of one model shares."""

    def __init__(self, bn_momentum=0.0, bn_epsilon=1e-5, activation="relu", se_ratio=0.25):
        self.bn_momentum, self.bn_epsilon = bn_momentum, bn_epsilon
        self.activation, self.se_ratio = activation, se_ratio

    def batch_norm(self, name):
        return layers.BatchNormalization(axis=model_inputs.bn_axis(), momentum=self.bn_momentum,
                                         epsilon=self.bn_epsilon, name=name)

    def act(self, name):
        return layers.Activation(self.activation, name=name)


def fixed_padding_conv(x, filters, kernel_size, strides, name):
    """A bias-free convolution; strided ones pad (k - 1) // 2 before and the rest after, whatever the size."""
    if strides > 1:
        begin = (kernel_size - 1) // 2
        pad = (begin, kernel_size - 1 - begin)
        x = layers.ZeroPadding2D(padding=(pad, pad))(x)
    return conv(filters, kernel_size, name, strides=strides, padding="same" if strides == 1 else "valid")(x)


def stem(x, settings):
    """32, 32, 64, 64 channels of 3x3 convolutions; the first and last halve the size."""
    name = f"stem_{backend.get_uid('stem_')}"
    for i, (filters, strides) in enumerate(((32, 2), (32, 1), (64, 1), (64, 2)), start=1):
        x = fixed_padding_conv(x, filters, 3, strides, f"{name}_stem_conv_{i}")
        x = settings.batch_norm(f"{name}_stem_batch_norm_{i}")(x)
        x = settings.act(f"{name}_stem_act_{i}")(x)
    return x


def projection(inputs, filters_out, strides, settings, name):
    """The shortcut of a group's first block: 2x2 average pooling when striding, 1x1 conv, batch norm."""
    if strides == 2:
        inputs = layers.AveragePooling2D(2, strides=2, padding="same",
                                         name=f"{name}_projection_pooling")(inputs)
    shortcut = fixed_padding_conv(inputs, filters_out, 1, 1, f"{name}_projection_conv")
    return settings.batch_norm(f"{name}_projection_batch_norm")(shortcut)


def bottleneck(inputs, filters, strides, use_projection, settings, drop_rate, name):
    """1x1 -> 3x3 (strides) -> 1x1 (4 * filters), squeeze-and-excite, examples dropped at `drop_rate` while
    training, added to the shortcut. (tf.keras names the first batch norm `<name>batch_norm_1`.)"""
    shortcut = projection(inputs, filters * 4, strides, settings, name) if use_projection else inputs
    x = inputs
    for i, (width, kernel, stride) in enumerate(((filters, 1, 1), (filters, 3, strides), (filters * 4, 1, 1)),
                                                start=1):
        x = fixed_padding_conv(x, width, kernel, stride, f"{name}_conv_{i}")
        x = settings.batch_norm(f"{name}{'' if i == 1 else '_'}batch_norm_{i}")(x)
        if i < 3:
            x = settings.act(f"{name}_act_{i}")(x)
    if 0 < settings.se_ratio < 1:
        x = squeeze_excite(x, filters * 4, filters * 4, settings.se_ratio, "relu", f"{name}_se_")
    if drop_rate:
        x = layers.Dropout(drop_rate, noise_shape=(None, 1, 1, 1), name=f"{name}_drop")(x)
    x = layers.Add()([x, shortcut])
    return settings.act(f"{name}_output_act")(x)


def block_group(x, filters, strides, repeats, settings, drop_rate, name):
    """`repeats` bottleneck blocks; the first projects (and strides) the shortcut."""
    for i in range(repeats):
        x = bottleneck(x, filters, strides if i == 0 else 1, i == 0, settings, drop_rate,
                       f"{name}_block_{i}_")
    return x
