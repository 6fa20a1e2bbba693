"""EfficientNetV2 B0-B3, S, M, L (Tan & Le, 2021): fused MBConv blocks (one full convolution for expansion)
in the early stages, MBConv with squeeze-and-excite later. The model rescales its own input
(`include_preprocessing`), so `preprocess_input` passes pixels (0-255) through."""
import copy
import math

from kerax import initializers, layers
from kerax.applications import model_inputs, weight_files
from kerax.applications.efficientnet_blocks import bn_activation, conv, pooled_top
from kerax.applications.efficientnet_v2_blocks import FusedMBConvBlock, MBConvBlock, round_filters
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import passthrough as preprocess_input

__all__ = ["EfficientNetV2B0", "EfficientNetV2B1", "EfficientNetV2B2", "EfficientNetV2B3", "EfficientNetV2L",
           "EfficientNetV2M", "EfficientNetV2S", "decode_predictions", "preprocess_input"]

_KEYS = ("conv_type", "num_repeat", "input_filters", "output_filters", "expand_ratio", "se_ratio", "strides")
# per stage: (conv type: 1 fused / 0 MBConv, repeats, input filters, output filters, expansion, se ratio,
# strides); every kernel is 3x3
_B_STAGES = ((1, 1, 32, 16, 1, 0, 1), (1, 2, 16, 32, 4, 0, 2), (1, 2, 32, 48, 4, 0, 2),
             (0, 3, 48, 96, 4, 0.25, 2), (0, 5, 96, 112, 6, 0.25, 1), (0, 8, 112, 192, 6, 0.25, 2))
_STAGES = {
    "s": ((1, 2, 24, 24, 1, 0, 1), (1, 4, 24, 48, 4, 0, 2), (1, 4, 48, 64, 4, 0, 2),
          (0, 6, 64, 128, 4, 0.25, 2), (0, 9, 128, 160, 6, 0.25, 1), (0, 15, 160, 256, 6, 0.25, 2)),
    "m": ((1, 3, 24, 24, 1, 0, 1), (1, 5, 24, 48, 4, 0, 2), (1, 5, 48, 80, 4, 0, 2),
          (0, 7, 80, 160, 4, 0.25, 2), (0, 14, 160, 176, 6, 0.25, 1), (0, 18, 176, 304, 6, 0.25, 2),
          (0, 5, 304, 512, 6, 0.25, 1)),
    "l": ((1, 4, 32, 32, 1, 0, 1), (1, 7, 32, 64, 4, 0, 2), (1, 7, 64, 96, 4, 0, 2),
          (0, 10, 96, 192, 4, 0.25, 2), (0, 19, 192, 224, 6, 0.25, 1), (0, 25, 224, 384, 6, 0.25, 2),
          (0, 7, 384, 640, 6, 0.25, 1)),
    **{b: _B_STAGES for b in ("b0", "b1", "b2", "b3")},
}
DEFAULT_BLOCKS_ARGS = {
    f"efficientnetv2-{variant}": [dict(zip(_KEYS, stage), kernel_size=3) for stage in stages]
    for variant, stages in _STAGES.items()
}
# variant -> (width coefficient, depth coefficient, default size)
_VARIANTS = {"b0": (1.0, 1.0, 224), "b1": (1.0, 1.1, 240), "b2": (1.1, 1.2, 260), "b3": (1.2, 1.4, 300),
             "s": (1.0, 1.0, 384), "m": (1.0, 1.0, 480), "l": (1.0, 1.0, 480)}


def _preprocessing(x, variant, input_shape):
    """B variants normalize with ImageNet's statistics; S, M and L scale to [-1, 1]."""
    if variant.startswith("b") and input_shape[model_inputs.bn_axis() - 1] == 3:
        x = layers.Rescaling(scale=1.0 / 255)(x)
        return layers.Normalization(mean=[0.485, 0.456, 0.406], variance=[0.229**2, 0.224**2, 0.225**2],
                                    axis=model_inputs.bn_axis())(x)
    return layers.Rescaling(scale=1.0 / 128.0, offset=-1)(x)


def _blocks(x, blocks_args, width, depth, depth_divisor, min_depth, bn_momentum, activation,
            drop_connect_rate):
    blocks_args = copy.deepcopy(blocks_args)
    total = float(sum(args["num_repeat"] for args in blocks_args))
    b = 0
    for i, args in enumerate(blocks_args):
        if args["num_repeat"] <= 0:
            raise ValueError("The number of repeats in `EfficientNetV2` must be > 0. Received: "
                             f"num_repeat={args['num_repeat']}")
        for key in ("input_filters", "output_filters"):
            args[key] = round_filters(args[key], width, min_depth, depth_divisor)
        block = FusedMBConvBlock if args.pop("conv_type") == 1 else MBConvBlock
        for j in range(math.ceil(depth * args.pop("num_repeat"))):
            if j > 0:
                args["strides"], args["input_filters"] = 1, args["output_filters"]
            x = block(activation=activation, bn_momentum=bn_momentum,
                      survival_probability=drop_connect_rate * b / total, name=f"block{i + 1}{chr(j + 97)}_",
                      **args)(x)
            b += 1
    return x


def EfficientNetV2(width_coefficient, depth_coefficient, default_size, dropout_rate=0.2,
                   drop_connect_rate=0.2, depth_divisor=8, min_depth=8, bn_momentum=0.9, activation="swish",
                   blocks_args="default", name="efficientnetv2", include_top=True, weights="imagenet",
                   input_tensor=None, input_shape=None, pooling=None, classes=1000,
                   classifier_activation="softmax", include_preprocessing=True, weights_name=None):
    if blocks_args == "default":
        blocks_args = DEFAULT_BLOCKS_ARGS[f"efficientnetv2-{weights_name}"]
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = _preprocessing(img_input, weights_name, input_shape) if include_preprocessing else img_input

    def filters(count):
        return round_filters(count, width_coefficient, min_depth, depth_divisor)

    x = conv(filters(blocks_args[0]["input_filters"]), 3, "stem_conv", strides=2)(x)
    x = bn_activation(x, "stem_", activation, bn_momentum)
    x = _blocks(x, blocks_args, width_coefficient, depth_coefficient, depth_divisor, min_depth, bn_momentum,
                activation, drop_connect_rate)
    x = bn_activation(conv(filters(1280), 1, "top_conv")(x), "top_", activation, bn_momentum)
    x = pooled_top(x, include_top, pooling, classes, classifier_activation, weights, dropout_rate,
                   bias_initializer=initializers.Constant(0.0))
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    file_name = f"efficientnetv2-{weights_name}{'' if include_top else '_notop'}.h5"
    return weight_files.load(model, weights, file_name)


def _variant(variant, name, **kwargs):
    width, depth, size = _VARIANTS[variant]
    return EfficientNetV2(width, depth, size, name=name, weights_name=variant, **kwargs)


def EfficientNetV2B0(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                     classes=1000, classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b0"):
    """EfficientNetV2B0 (7.2M parameters, input 224x224); takes pixels in [0, 255]."""
    return _variant("b0", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)


def EfficientNetV2B1(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                     classes=1000, classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b1"):
    """EfficientNetV2B1 (8.2M parameters, input 240x240); takes pixels in [0, 255]."""
    return _variant("b1", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)


def EfficientNetV2B2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                     classes=1000, classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b2"):
    """EfficientNetV2B2 (10.2M parameters, input 260x260); takes pixels in [0, 255]."""
    return _variant("b2", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)


def EfficientNetV2B3(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                     classes=1000, classifier_activation="softmax", include_preprocessing=True,
                     name="efficientnetv2-b3"):
    """EfficientNetV2B3 (14.5M parameters, input 300x300); takes pixels in [0, 255]."""
    return _variant("b3", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)


def EfficientNetV2S(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                    classes=1000, classifier_activation="softmax", include_preprocessing=True,
                    name="efficientnetv2-s"):
    """EfficientNetV2S (21.6M parameters, input 384x384); takes pixels in [0, 255]."""
    return _variant("s", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)


def EfficientNetV2M(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                    classes=1000, classifier_activation="softmax", include_preprocessing=True,
                    name="efficientnetv2-m"):
    """EfficientNetV2M (54.4M parameters, input 480x480); takes pixels in [0, 255]."""
    return _variant("m", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)


def EfficientNetV2L(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                    classes=1000, classifier_activation="softmax", include_preprocessing=True,
                    name="efficientnetv2-l"):
    """EfficientNetV2L (119.0M parameters, input 480x480); takes pixels in [0, 255]."""
    return _variant("l", name, include_top=include_top, weights=weights, input_tensor=input_tensor,
                    input_shape=input_shape, pooling=pooling, classes=classes,
                    classifier_activation=classifier_activation, include_preprocessing=include_preprocessing)
