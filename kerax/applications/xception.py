"""Xception (Chollet, 2017): depthwise separable convolutions with residual connections; an entry flow of
downsampling blocks, eight middle blocks, an exit flow."""
from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import tf as preprocess_input

__all__ = ["Xception", "decode_predictions", "preprocess_input"]


def _conv_bn(x, filters, name, separable=True, strides=(1, 1)):
    conv = layers.SeparableConv2D if separable else layers.Conv2D
    padding = "same" if separable else "valid"
    x = conv(filters, (3, 3), strides=strides, padding=padding, use_bias=False, name=name)(x)
    return layers.BatchNormalization(axis=model_inputs.channel_axis(), name=f"{name}_bn")(x)


def _relu(x, name):
    return layers.Activation("relu", name=name)(x)


def _downsampling_block(x, filters, block, activate_first=True):
    """Two separable convolutions and a strided max pooling, added to a strided 1x1 projection."""
    residual = layers.Conv2D(filters[1], (1, 1), strides=(2, 2), padding="same", use_bias=False)(x)
    residual = layers.BatchNormalization(axis=model_inputs.channel_axis())(residual)
    if activate_first:
        x = _relu(x, f"block{block}_sepconv1_act")
    x = _conv_bn(x, filters[0], f"block{block}_sepconv1")
    x = _relu(x, f"block{block}_sepconv2_act")
    x = _conv_bn(x, filters[1], f"block{block}_sepconv2")
    x = layers.MaxPooling2D((3, 3), strides=(2, 2), padding="same", name=f"block{block}_pool")(x)
    return layers.add([x, residual])


def _middle_block(x, block):
    residual = x
    for i in (1, 2, 3):
        x = _relu(x, f"block{block}_sepconv{i}_act")
        x = _conv_bn(x, 728, f"block{block}_sepconv{i}")
    return layers.add([x, residual])


def Xception(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
             classes=1000, classifier_activation="softmax", name="xception"):
    """Xception (22.9M parameters, default input 299x299); use `xception.preprocess_input` (scales to
    [-1, 1])."""
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, 299, 71, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = _relu(_conv_bn(img_input, 32, "block1_conv1", separable=False, strides=(2, 2)), "block1_conv1_act")
    x = _relu(_conv_bn(x, 64, "block1_conv2", separable=False), "block1_conv2_act")
    x = _downsampling_block(x, (128, 128), 2, activate_first=False)
    x = _downsampling_block(x, (256, 256), 3)
    x = _downsampling_block(x, (728, 728), 4)
    for block in range(5, 13):
        x = _middle_block(x, block)
    x = _downsampling_block(x, (728, 1024), 13)
    x = _relu(_conv_bn(x, 1536, "block14_sepconv1"), "block14_sepconv1_act")
    x = _relu(_conv_bn(x, 2048, "block14_sepconv2"), "block14_sepconv2_act")
    x = blocks.average_top(x, include_top, pooling, classes, classifier_activation, weights)
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    return weight_files.load(model, weights, weight_files.tf_kernels_name("xception", include_top))
