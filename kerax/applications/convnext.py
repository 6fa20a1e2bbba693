"""ConvNeXt Tiny, Small, Base, Large, XLarge (Liu et al., 2022): a ResNet modernized after vision transformers
(7x7 depthwise convolutions, LayerNorm, inverted MLP blocks, layer scale). The model normalizes its own input
(`include_preprocessing`), so `preprocess_input` passes pixels (0-255) through."""
import numpy as np

from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.convnext_layers import LayerScale, StochasticDepth
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import passthrough as preprocess_input
from kerax.models import Sequential

__all__ = ["ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtSmall", "ConvNeXtTiny", "ConvNeXtXLarge", "LayerScale",
           "StochasticDepth", "decode_predictions", "preprocess_input"]

MODEL_CONFIGS = {
    "tiny": {"depths": [3, 3, 9, 3], "projection_dims": [96, 192, 384, 768], "default_size": 224},
    "small": {"depths": [3, 3, 27, 3], "projection_dims": [96, 192, 384, 768], "default_size": 224},
    "base": {"depths": [3, 3, 27, 3], "projection_dims": [128, 256, 512, 1024], "default_size": 224},
    "large": {"depths": [3, 3, 27, 3], "projection_dims": [192, 384, 768, 1536], "default_size": 224},
    "xlarge": {"depths": [3, 3, 27, 3], "projection_dims": [256, 512, 1024, 2048], "default_size": 224},
}


def _layer_norm(name=None):
    return layers.LayerNormalization(epsilon=1e-6, name=name)


def ConvNeXtBlock(projection_dim, drop_path_rate=0.0, layer_scale_init_value=1e-6, name=None):
    """7x7 depthwise conv, LayerNorm, 4x MLP with GELU, layer scale; added to the input."""

    def apply(inputs):
        x = layers.Conv2D(projection_dim, kernel_size=7, padding="same", groups=projection_dim,
                          name=f"{name}_depthwise_conv")(inputs)
        x = _layer_norm(f"{name}_layernorm")(x)
        x = layers.Dense(4 * projection_dim, name=f"{name}_pointwise_conv_1")(x)
        x = layers.Activation("gelu", name=f"{name}_gelu")(x)
        x = layers.Dense(projection_dim, name=f"{name}_pointwise_conv_2")(x)
        if layer_scale_init_value is not None:
            x = LayerScale(layer_scale_init_value, projection_dim, name=f"{name}_layer_scale")(x)
        if drop_path_rate:
            layer = StochasticDepth(drop_path_rate, name=f"{name}_stochastic_depth")
        else:
            layer = layers.Activation("linear", name=f"{name}_identity")
        return inputs + layer(x)

    return apply


def _downsampling_layers(projection_dims, name):
    """The stem (4x4 patches) and three 2x2 downsamplings, each a small Sequential."""
    stem = Sequential([layers.Conv2D(projection_dims[0], kernel_size=4, strides=4, name=f"{name}_stem_conv"),
                       _layer_norm(f"{name}_stem_layernorm")], name=f"{name}_stem")
    return [stem] + [
        Sequential([_layer_norm(f"{name}_downsampling_layernorm_{i}"),
                    layers.Conv2D(projection_dims[i + 1], kernel_size=2, strides=2,
                                  name=f"{name}_downsampling_conv_{i}")],
                   name=f"{name}_downsampling_block_{i}")
        for i in range(3)
    ]


def _head(x, classes, classifier_activation, name):
    x = layers.GlobalAveragePooling2D(name=f"{name}_head_gap")(x)
    x = _layer_norm(f"{name}_head_layernorm")(x)
    return layers.Dense(classes, activation=classifier_activation, name=f"{name}_head_dense")(x)


def _check_imagenet_variant(name, weights_name):
    if weights_name not in name:
        raise ValueError(f'Model name "{name}" does not match weights variant "{weights_name}". When using '
                         "imagenet weights, model name must contain the weights variant (e.g., "
                         f'"{weights_name}").')


def ConvNeXt(depths, projection_dims, drop_path_rate=0.0, layer_scale_init_value=1e-6, default_size=224,
             name="convnext", include_preprocessing=True, include_top=True, weights=None, input_tensor=None,
             input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
             weights_name=None):
    if model_inputs.channels_first():
        raise ValueError("ConvNeXt does not support the `channels_first` image data format. Switch to "
                         "`channels_last` by editing your local config file at ~/.keras/keras.json")
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = img_input
    if include_preprocessing and input_shape[-1] == 3:
        x = layers.Normalization(mean=[0.485 * 255, 0.456 * 255, 0.406 * 255],
                                 variance=[(0.229 * 255) ** 2, (0.224 * 255) ** 2, (0.225 * 255) ** 2],
                                 name=f"{name}_prestem_normalization")(x)
    rates = [float(r) for r in np.linspace(0.0, drop_path_rate, sum(depths))]
    for i, downsample in enumerate(_downsampling_layers(projection_dims, name)):
        x = downsample(x)
        for j in range(depths[i]):
            x = ConvNeXtBlock(projection_dims[i], rates[sum(depths[:i]) + j], layer_scale_init_value,
                              name=f"{name}_stage_{i}_block_{j}")(x)
    if include_top:
        blocks.validate_activation(classifier_activation, weights)
        x = _head(x, classes, classifier_activation, name)
    else:
        x = _layer_norm()(blocks.pooled(x, pooling))
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    if weights == "imagenet":
        _check_imagenet_variant(name, weights_name)
    return weight_files.load(model, weights, f"{weights_name}{'' if include_top else '_notop'}.h5")


def _variant(variant, **kwargs):
    config = MODEL_CONFIGS[variant]
    return ConvNeXt(config["depths"], config["projection_dims"], 0.0, 1e-6, config["default_size"],
                    weights_name=f"convnext_{variant}", **kwargs)


def ConvNeXtTiny(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None,
                 input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
                 name="convnext_tiny"):
    """ConvNeXtTiny; takes pixels in [0, 255] (it normalizes them itself)."""
    return _variant("tiny", name=name, include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                    classes=classes, classifier_activation=classifier_activation)


def ConvNeXtSmall(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None,
                  input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
                  name="convnext_small"):
    """ConvNeXtSmall; takes pixels in [0, 255] (it normalizes them itself)."""
    return _variant("small", name=name, include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                    classes=classes, classifier_activation=classifier_activation)


def ConvNeXtBase(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None,
                 input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
                 name="convnext_base"):
    """ConvNeXtBase; takes pixels in [0, 255] (it normalizes them itself)."""
    return _variant("base", name=name, include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                    classes=classes, classifier_activation=classifier_activation)


def ConvNeXtLarge(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None,
                  input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
                  name="convnext_large"):
    """ConvNeXtLarge; takes pixels in [0, 255] (it normalizes them itself)."""
    return _variant("large", name=name, include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                    classes=classes, classifier_activation=classifier_activation)


def ConvNeXtXLarge(include_top=True, include_preprocessing=True, weights="imagenet", input_tensor=None,
                   input_shape=None, pooling=None, classes=1000, classifier_activation="softmax",
                   name="convnext_xlarge"):
    """ConvNeXtXLarge; takes pixels in [0, 255] (it normalizes them itself)."""
    return _variant("xlarge", name=name, include_top=include_top, include_preprocessing=include_preprocessing,
                    weights=weights, input_tensor=input_tensor, input_shape=input_shape, pooling=pooling,
                    classes=classes, classifier_activation=classifier_activation)
