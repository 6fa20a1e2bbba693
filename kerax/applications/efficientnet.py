"""EfficientNetB0 ... B7 (Tan & Le, 2019): MBConv blocks with squeeze-and-excite, scaled in width, depth and
input size. The model rescales and normalizes its own input, so `preprocess_input` passes pixels (0-255)
through."""
import copy
import math

from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.efficientnet_blocks import (
    CONV_KERNEL_INITIALIZER, bn_activation, conv, pooled_top, residual, squeeze_excite,
)
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import passthrough as preprocess_input

__all__ = ["EfficientNetB0", "EfficientNetB1", "EfficientNetB2", "EfficientNetB3", "EfficientNetB4",
           "EfficientNetB5", "EfficientNetB6", "EfficientNetB7", "decode_predictions", "preprocess_input"]

DEFAULT_BLOCKS_ARGS = [
    {"kernel_size": k, "repeats": r, "filters_in": fi, "filters_out": fo, "expand_ratio": e, "id_skip": True,
     "strides": s, "se_ratio": 0.25}
    for k, r, fi, fo, e, s in ((3, 1, 32, 16, 1, 1), (3, 2, 16, 24, 6, 2), (5, 2, 24, 40, 6, 2),
                               (3, 3, 40, 80, 6, 2), (5, 3, 80, 112, 6, 1), (5, 4, 112, 192, 6, 2),
                               (3, 1, 192, 320, 6, 1))
]
IMAGENET_STDDEV_RGB = [0.229, 0.224, 0.225]
# variant -> (width coefficient, depth coefficient, default size, dropout rate)
_VARIANTS = {"b0": (1.0, 1.0, 224, 0.2), "b1": (1.0, 1.1, 240, 0.2), "b2": (1.1, 1.2, 260, 0.3),
             "b3": (1.2, 1.4, 300, 0.3), "b4": (1.4, 1.8, 380, 0.4), "b5": (1.6, 2.2, 456, 0.4),
             "b6": (1.8, 2.6, 528, 0.5), "b7": (2.0, 3.1, 600, 0.5)}


def block(inputs, activation="swish", drop_rate=0.0, name="", filters_in=32, filters_out=16, kernel_size=3,
          strides=1, expand_ratio=1, se_ratio=0.0, id_skip=True):
    """An MBConv block: 1x1 expansion, depthwise conv, squeeze-excite, 1x1 projection, residual."""
    filters = filters_in * expand_ratio
    x = inputs
    if expand_ratio != 1:
        x = bn_activation(conv(filters, 1, f"{name}expand_conv")(x), f"{name}expand_", activation)
    padding = "same"
    if strides == 2:
        x = layers.ZeroPadding2D(padding=blocks.correct_pad(x, kernel_size), name=f"{name}dwconv_pad")(x)
        padding = "valid"
    x = layers.DepthwiseConv2D(kernel_size, strides=strides, padding=padding, use_bias=False,
                               depthwise_initializer=CONV_KERNEL_INITIALIZER, name=f"{name}dwconv")(x)
    x = bn_activation(x, name, activation)
    x = squeeze_excite(x, filters_in, filters, se_ratio, activation, name)
    x = conv(filters_out, 1, f"{name}project_conv")(x)
    x = layers.BatchNormalization(axis=model_inputs.bn_axis(), name=f"{name}project_bn")(x)
    if id_skip and strides == 1 and filters_in == filters_out:
        x = residual(x, inputs, drop_rate, name)
    return x


def _blocks(x, width, depth, activation, drop_connect_rate, blocks_args):
    def round_repeats(repeats):
        return math.ceil(depth * repeats)

    blocks_args = copy.deepcopy(blocks_args)
    total = float(sum(round_repeats(args["repeats"]) for args in blocks_args))
    b = 0
    for i, args in enumerate(blocks_args):
        if args["repeats"] <= 0:
            raise ValueError("The number of repeats in `EfficientNet` must be > 0. Received: "
                             f"repeats={args['repeats']}")
        args["filters_in"] = blocks.make_divisible(args["filters_in"] * width)
        args["filters_out"] = blocks.make_divisible(args["filters_out"] * width)
        for j in range(round_repeats(args.pop("repeats"))):
            if j > 0:
                args["strides"], args["filters_in"] = 1, args["filters_out"]
            drop_rate = drop_connect_rate * b / total
            x = block(x, activation, drop_rate, name=f"block{i + 1}{chr(j + 97)}_", **args)
            b += 1
    return x


def EfficientNet(width_coefficient, depth_coefficient, default_size, dropout_rate=0.2, drop_connect_rate=0.2,
                 depth_divisor=8, activation="swish", blocks_args="default", name="efficientnet",
                 include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                 classes=1000, classifier_activation="softmax", weights_name=None):
    blocks_args = DEFAULT_BLOCKS_ARGS if blocks_args == "default" else blocks_args
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = layers.Rescaling(1.0 / 255.0)(img_input)
    x = layers.Normalization(axis=model_inputs.bn_axis())(x)
    if weights == "imagenet":  # the original network divides by the variance, the layer by its square root
        x = layers.Rescaling([1.0 / math.sqrt(stddev) for stddev in IMAGENET_STDDEV_RGB])(x)
    x = layers.ZeroPadding2D(padding=blocks.correct_pad(x, 3), name="stem_conv_pad")(x)
    x = conv(blocks.make_divisible(32 * width_coefficient, depth_divisor), 3, "stem_conv", strides=2,
             padding="valid")(x)
    x = bn_activation(x, "stem_", activation)
    x = _blocks(x, width_coefficient, depth_coefficient, activation, drop_connect_rate, blocks_args)
    x = conv(blocks.make_divisible(1280 * width_coefficient, depth_divisor), 1, "top_conv")(x)
    x = bn_activation(x, "top_", activation)
    x = pooled_top(x, include_top, pooling, classes, classifier_activation, weights, dropout_rate)
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    file_name = f"efficientnet{weights_name}{'' if include_top else '_notop'}.h5"
    return weight_files.load(model, weights, file_name)


def _variant(variant, name, **kwargs):
    width, depth, size, dropout = _VARIANTS[variant]
    return EfficientNet(width, depth, size, dropout, name=name, weights_name=variant, **kwargs)


def EfficientNetB0(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb0"):
    """EfficientNetB0 (5.3M parameters, input 224x224); takes pixels in [0, 255]."""
    return _variant("b0", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB1(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb1"):
    """EfficientNetB1 (7.9M parameters, input 240x240); takes pixels in [0, 255]."""
    return _variant("b1", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb2"):
    """EfficientNetB2 (9.2M parameters, input 260x260); takes pixels in [0, 255]."""
    return _variant("b2", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb3"):
    """EfficientNetB3 (12.3M parameters, input 300x300); takes pixels in [0, 255]."""
    return _variant("b3", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB4(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb4"):
    """EfficientNetB4 (19.5M parameters, input 380x380); takes pixels in [0, 255]."""
    return _variant("b4", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB5(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb5"):
    """EfficientNetB5 (30.6M parameters, input 456x456); takes pixels in [0, 255]."""
    return _variant("b5", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB6(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb6"):
    """EfficientNetB6 (43.3M parameters, input 528x528); takes pixels in [0, 255]."""
    return _variant("b6", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)


def EfficientNetB7(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                   classes=1000, classifier_activation="softmax", name="efficientnetb7"):
    """EfficientNetB7 (66.7M parameters, input 600x600); takes pixels in [0, 255]."""
    return _variant("b7", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation)
