"""Pieces EfficientNet and EfficientNetV2 share: their initializers, batch norm, squeeze-and-excite and the
(randomly dropped) residual connection."""
from kerax import layers
from kerax.applications import blocks, model_inputs

CONV_KERNEL_INITIALIZER = {
    "class_name": "VarianceScaling",
    "config": {"scale": 2.0, "mode": "fan_out", "distribution": "truncated_normal"},
}
DENSE_KERNEL_INITIALIZER = {
    "class_name": "VarianceScaling",
    "config": {"scale": 1.0 / 3.0, "mode": "fan_out", "distribution": "uniform"},
}


def conv(filters, kernel_size, name, strides=1, padding="same", **kwargs):
    """A bias-free convolution with EfficientNet's initializer."""
    return layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, use_bias=False,
                         kernel_initializer=CONV_KERNEL_INITIALIZER, name=name, **kwargs)


def bn_activation(x, name, activation, momentum=0.99, bn_name=None):
    """BatchNormalization (`{name}bn` unless `bn_name`) then the activation (`{name}activation`)."""
    x = layers.BatchNormalization(axis=model_inputs.bn_axis(), momentum=momentum,
                                  name=bn_name or f"{name}bn")(x)
    return layers.Activation(activation, name=f"{name}activation")(x)


def squeeze_excite(x, filters_in, filters, se_ratio, activation, name):
    """Rescales each of `filters` channels by a gate computed from the global average of all channels."""
    if not 0 < se_ratio <= 1:
        return x
    filters_se = max(1, int(filters_in * se_ratio))
    se = layers.GlobalAveragePooling2D(name=f"{name}se_squeeze")(x)
    shape = (filters, 1, 1) if model_inputs.channels_first() else (1, 1, filters)
    se = layers.Reshape(shape, name=f"{name}se_reshape")(se)
    se = layers.Conv2D(filters_se, 1, padding="same", activation=activation,
                       kernel_initializer=CONV_KERNEL_INITIALIZER, name=f"{name}se_reduce")(se)
    se = layers.Conv2D(filters, 1, padding="same", activation="sigmoid",
                       kernel_initializer=CONV_KERNEL_INITIALIZER, name=f"{name}se_expand")(se)
    return layers.multiply([x, se], name=f"{name}se_excite")


def residual(x, inputs, drop_rate, name):
    """`x + inputs`, whole examples of `x` dropped at `drop_rate` while training (stochastic depth)."""
    if drop_rate > 0:
        x = layers.Dropout(drop_rate, noise_shape=(None, 1, 1, 1), name=f"{name}drop")(x)
    return layers.add([x, inputs], name=f"{name}add")


def pooled_top(x, include_top, pooling, classes, classifier_activation, weights, dropout_rate,
               **dense_kwargs):
    """`avg_pool`, `top_dropout` and `predictions` with a top, else optional `avg_pool` / `max_pool`."""
    if not include_top:
        return blocks.pooled(x, pooling, ("avg_pool", "max_pool"))
    x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
    if dropout_rate > 0:
        x = layers.Dropout(dropout_rate, name="top_dropout")(x)
    return blocks.classifier(x, classes, classifier_activation, weights,
                             kernel_initializer=DENSE_KERNEL_INITIALIZER, **dense_kwargs)
