"""InceptionV3 (Szegedy et al., 2015): factorized inception modules (mixed0 ... mixed10), every convolution
followed by batch norm (no scale) and ReLU."""
from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import tf as preprocess_input

__all__ = ["InceptionV3", "decode_predictions", "preprocess_input"]


def conv2d_bn(x, filters, num_row, num_col, padding="same", strides=(1, 1), name=None):
    """Conv2D (no bias) -> BatchNormalization (no scale) -> ReLU; `name` names the three (`_conv`, `_bn`)."""
    x = layers.Conv2D(filters, (num_row, num_col), strides=strides, padding=padding, use_bias=False,
                      name=None if name is None else f"{name}_conv")(x)
    x = layers.BatchNormalization(axis=model_inputs.bn_axis(), scale=False,
                                  name=None if name is None else f"{name}_bn")(x)
    return layers.Activation("relu", name=name)(x)


def _pool_branch(x, filters):
    x = layers.AveragePooling2D((3, 3), strides=(1, 1), padding="same")(x)
    return conv2d_bn(x, filters, 1, 1)


def _concat(branches, name=None):
    return layers.concatenate(branches, axis=model_inputs.bn_axis(), name=name)


def _module_a(x, pool_filters, name):
    branch1x1 = conv2d_bn(x, 64, 1, 1)
    branch5x5 = conv2d_bn(conv2d_bn(x, 48, 1, 1), 64, 5, 5)
    branch3x3dbl = conv2d_bn(conv2d_bn(conv2d_bn(x, 64, 1, 1), 96, 3, 3), 96, 3, 3)
    return _concat([branch1x1, branch5x5, branch3x3dbl, _pool_branch(x, pool_filters)], name)


def _reduction_a(x):
    branch3x3 = conv2d_bn(x, 384, 3, 3, strides=(2, 2), padding="valid")
    branch3x3dbl = conv2d_bn(conv2d_bn(x, 64, 1, 1), 96, 3, 3)
    branch3x3dbl = conv2d_bn(branch3x3dbl, 96, 3, 3, strides=(2, 2), padding="valid")
    branch_pool = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    return _concat([branch3x3, branch3x3dbl, branch_pool], "mixed3")


def _module_b(x, channels, name):
    """7x7 convolutions factorized into 1x7 and 7x1."""
    branch1x1 = conv2d_bn(x, 192, 1, 1)
    branch7x7 = conv2d_bn(conv2d_bn(conv2d_bn(x, channels, 1, 1), channels, 1, 7), 192, 7, 1)
    branch7x7dbl = conv2d_bn(x, channels, 1, 1)
    for filters, rows, cols in ((channels, 7, 1), (channels, 1, 7), (channels, 7, 1), (192, 1, 7)):
        branch7x7dbl = conv2d_bn(branch7x7dbl, filters, rows, cols)
    return _concat([branch1x1, branch7x7, branch7x7dbl, _pool_branch(x, 192)], name)


def _reduction_b(x):
    branch3x3 = conv2d_bn(conv2d_bn(x, 192, 1, 1), 320, 3, 3, strides=(2, 2), padding="valid")
    branch7x7x3 = conv2d_bn(conv2d_bn(conv2d_bn(x, 192, 1, 1), 192, 1, 7), 192, 7, 1)
    branch7x7x3 = conv2d_bn(branch7x7x3, 192, 3, 3, strides=(2, 2), padding="valid")
    branch_pool = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    return _concat([branch3x3, branch7x7x3, branch_pool], "mixed8")


def _module_c(x, i):
    """Expanded filter banks: 3x3 convolutions split into parallel 1x3 and 3x1."""
    branch1x1 = conv2d_bn(x, 320, 1, 1)
    branch3x3 = conv2d_bn(x, 384, 1, 1)
    branch3x3 = _concat([conv2d_bn(branch3x3, 384, 1, 3), conv2d_bn(branch3x3, 384, 3, 1)], f"mixed9_{i}")
    branch3x3dbl = conv2d_bn(conv2d_bn(x, 448, 1, 1), 384, 3, 3)
    branch3x3dbl = _concat([conv2d_bn(branch3x3dbl, 384, 1, 3), conv2d_bn(branch3x3dbl, 384, 3, 1)])
    return _concat([branch1x1, branch3x3, branch3x3dbl, _pool_branch(x, 192)], f"mixed{9 + i}")


def InceptionV3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                classes=1000, classifier_activation="softmax", name="inception_v3"):
    """InceptionV3 (23.9M parameters, default input 299x299); use `inception_v3.preprocess_input` (scales to
    [-1, 1])."""
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, 299, 75, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = conv2d_bn(img_input, 32, 3, 3, strides=(2, 2), padding="valid")
    x = conv2d_bn(x, 32, 3, 3, padding="valid")
    x = conv2d_bn(x, 64, 3, 3)
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    x = conv2d_bn(x, 80, 1, 1, padding="valid")
    x = conv2d_bn(x, 192, 3, 3, padding="valid")
    x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)
    for i, pool_filters in enumerate((32, 64, 64)):
        x = _module_a(x, pool_filters, f"mixed{i}")
    x = _reduction_a(x)
    for i, channels in enumerate((128, 160, 160, 192)):
        x = _module_b(x, channels, f"mixed{4 + i}")
    x = _reduction_b(x)
    x = _module_c(_module_c(x, 0), 1)
    x = blocks.average_top(x, include_top, pooling, classes, classifier_activation, weights)
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    return weight_files.load(model, weights, weight_files.tf_kernels_name("inception_v3", include_top))
