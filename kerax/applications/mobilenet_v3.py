"""MobileNetV3Small and MobileNetV3Large (Howard et al., 2019): inverted residual blocks with
squeeze-and-excite and hard-swish; the model rescales its own input (`include_preprocessing`), so
`preprocess_input` passes the pixels through."""
import warnings

from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.mobilenet_v2 import batch_norm, check_input_tensor
from kerax.applications.preprocessing_modes import passthrough as preprocess_input

__all__ = ["MobileNetV3Large", "MobileNetV3Small", "decode_predictions", "preprocess_input"]

# (expansion, filters, kernel, stride, squeeze-excite, activation) of each block; "k", "se" and "act" stand
# for the variant's kernel size, se ratio and activation (5, 0.25, hard-swish; or 3, none, ReLU when
# minimalistic)
_SMALL = ((1, 16, 3, 2, "se", "relu"), (72 / 16, 24, 3, 2, None, "relu"), (88 / 24, 24, 3, 1, None, "relu"),
          (4, 40, "k", 2, "se", "act"), (6, 40, "k", 1, "se", "act"), (6, 40, "k", 1, "se", "act"),
          (3, 48, "k", 1, "se", "act"), (3, 48, "k", 1, "se", "act"), (6, 96, "k", 2, "se", "act"),
          (6, 96, "k", 1, "se", "act"), (6, 96, "k", 1, "se", "act"))
_LARGE = ((1, 16, 3, 1, None, "relu"), (4, 24, 3, 2, None, "relu"), (3, 24, 3, 1, None, "relu"),
          (3, 40, "k", 2, "se", "relu"), (3, 40, "k", 1, "se", "relu"), (3, 40, "k", 1, "se", "relu"),
          (6, 80, 3, 2, None, "act"), (2.5, 80, 3, 1, None, "act"), (2.3, 80, 3, 1, None, "act"),
          (2.3, 80, 3, 1, None, "act"), (6, 112, 3, 1, "se", "act"), (6, 112, 3, 1, "se", "act"),
          (6, 160, "k", 2, "se", "act"), (6, 160, "k", 1, "se", "act"), (6, 160, "k", 1, "se", "act"))


def relu(x):
    return blocks.relu()(x)


def hard_sigmoid(x):
    return blocks.relu(6.0)(x + 3.0) * (1.0 / 6.0)


def hard_swish(x):
    return layers.Activation("hard_swish")(x)


def _se_block(inputs, filters, se_ratio, prefix):
    x = layers.GlobalAveragePooling2D(keepdims=True, name=f"{prefix}squeeze_excite_avg_pool")(inputs)
    x = layers.Conv2D(blocks.make_divisible(filters * se_ratio), kernel_size=1, padding="same",
                      name=f"{prefix}squeeze_excite_conv")(x)
    x = blocks.relu(name=f"{prefix}squeeze_excite_relu")(x)
    x = layers.Conv2D(filters, kernel_size=1, padding="same", name=f"{prefix}squeeze_excite_conv_1")(x)
    x = hard_sigmoid(x)
    return layers.Multiply(name=f"{prefix}squeeze_excite_mul")([inputs, x])


def _inverted_res_block(x, expansion, filters, kernel_size, stride, se_ratio, activation, block_id):
    shortcut = x
    infilters = x.shape[model_inputs.channel_axis()]
    expanded = blocks.make_divisible(infilters * expansion)
    prefix = f"expanded_conv_{block_id}_" if block_id else "expanded_conv_"
    if block_id:
        x = layers.Conv2D(expanded, kernel_size=1, padding="same", use_bias=False, name=f"{prefix}expand")(x)
        x = activation(batch_norm(f"{prefix}expand_bn")(x))
    if stride == 2:
        x = layers.ZeroPadding2D(padding=blocks.correct_pad(x, kernel_size), name=f"{prefix}depthwise_pad")(x)
    x = layers.DepthwiseConv2D(kernel_size, strides=stride, padding="same" if stride == 1 else "valid",
                               use_bias=False, name=f"{prefix}depthwise")(x)
    x = activation(batch_norm(f"{prefix}depthwise_bn")(x))
    if se_ratio:
        x = _se_block(x, expanded, se_ratio, prefix)
    x = layers.Conv2D(filters, kernel_size=1, padding="same", use_bias=False, name=f"{prefix}project")(x)
    x = batch_norm(f"{prefix}project_bn")(x)
    if stride == 1 and infilters == filters:
        x = layers.Add(name=f"{prefix}add")([shortcut, x])
    return x


def _stack(x, table, alpha, minimalistic):
    kernel, activation, se_ratio = (3, relu, None) if minimalistic else (5, hard_swish, 0.25)
    for block_id, (expansion, filters, k, stride, se, act) in enumerate(table):
        x = _inverted_res_block(x, expansion, blocks.make_divisible(filters * alpha),
                                kernel if k == "k" else k, stride, se_ratio if se else None,
                                activation if act == "act" else relu, block_id)
    return x, activation


def _input_shape(input_shape, input_tensor):
    if input_shape is None and input_tensor is not None:
        rows, cols = model_inputs.spatial_size(tuple(input_tensor.shape[1:]))
        return (3, rows, cols) if model_inputs.channels_first() else (rows, cols, 3)
    if input_shape is None:
        return (3, None, None) if model_inputs.channels_first() else (None, None, 3)
    return input_shape


def _check_size(input_shape, alpha, minimalistic, weights):
    rows, cols = model_inputs.spatial_size(input_shape)
    if rows and cols and (rows < 32 or cols < 32):
        raise ValueError(f"Input size must be at least 32x32; Received `input_shape={input_shape}`")
    if weights != "imagenet":
        return
    if (not minimalistic and alpha not in [0.75, 1.0]) or (minimalistic and alpha != 1.0):
        raise ValueError("If imagenet weights are being loaded, alpha can be one of `0.75`, `1.0` for non "
                         "minimalistic or `1.0` for minimalistic only.")
    if rows != cols or rows != 224:
        warnings.warn("`input_shape` is undefined or non-square, or `rows` is not 224. Weights for input "
                      "shape (224, 224) will be loaded as the default.", stacklevel=4)


def _top(x, last_point_ch, activation, classes, dropout_rate, classifier_activation, weights):
    x = layers.GlobalAveragePooling2D(keepdims=True)(x)
    x = layers.Conv2D(last_point_ch, kernel_size=1, padding="same", use_bias=True, name="conv_2")(x)
    x = activation(x)
    if dropout_rate > 0:
        x = layers.Dropout(dropout_rate)(x)
    x = layers.Conv2D(classes, kernel_size=1, padding="same", name="logits")(x)
    x = layers.Flatten()(x)
    blocks.validate_activation(classifier_activation, weights)
    return layers.Activation(activation=classifier_activation, name="predictions")(x)


def MobileNetV3(table, last_point_ch, model_type, input_shape=None, alpha=1.0, minimalistic=False,
                include_top=True, weights="imagenet", input_tensor=None, classes=1000, pooling=None,
                dropout_rate=0.2, classifier_activation="softmax", include_preprocessing=True, name=None):
    model_inputs.check_weights(weights, include_top, classes)
    check_input_tensor(input_tensor, input_shape)
    input_shape = _input_shape(input_shape, input_tensor)
    _check_size(input_shape, alpha, minimalistic, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = layers.Rescaling(scale=1.0 / 127.5, offset=-1.0)(img_input) if include_preprocessing else img_input
    x = layers.Conv2D(16, kernel_size=3, strides=(2, 2), padding="same", use_bias=False, name="conv")(x)
    x = batch_norm("conv_bn")(x)
    x = (relu if minimalistic else hard_swish)(x)
    x, activation = _stack(x, table, alpha, minimalistic)
    last_conv_ch = blocks.make_divisible(x.shape[model_inputs.channel_axis()] * 6)
    if alpha > 1.0:
        last_point_ch = blocks.make_divisible(last_point_ch * alpha)
    x = layers.Conv2D(last_conv_ch, kernel_size=1, padding="same", use_bias=False, name="conv_1")(x)
    x = activation(batch_norm("conv_1_bn")(x))
    if include_top:
        x = _top(x, last_point_ch, activation, classes, dropout_rate, classifier_activation, weights)
    else:
        x = blocks.pooled(x, pooling, ("avg_pool", "max_pool"))
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    variant = f"{model_type}{'_minimalistic' if minimalistic else ''}_224_{alpha}_float"
    file_name = f"weights_mobilenet_v3_{variant}{'' if include_top else '_no_top_v2'}.h5"
    return weight_files.load(model, weights, file_name)


def MobileNetV3Small(input_shape=None, alpha=1.0, minimalistic=False, include_top=True, weights="imagenet",
                     input_tensor=None, classes=1000, pooling=None, dropout_rate=0.2,
                     classifier_activation="softmax", include_preprocessing=True, name="MobileNetV3Small"):
    """MobileNetV3Small (2.6M parameters at alpha=1); takes pixels in [0, 255] (it rescales them itself)."""
    return MobileNetV3(_SMALL, 1024, "small", input_shape, alpha, minimalistic, include_top, weights,
                       input_tensor, classes, pooling, dropout_rate, classifier_activation,
                       include_preprocessing, name)


def MobileNetV3Large(input_shape=None, alpha=1.0, minimalistic=False, include_top=True, weights="imagenet",
                     input_tensor=None, classes=1000, pooling=None, dropout_rate=0.2,
                     classifier_activation="softmax", include_preprocessing=True, name="MobileNetV3Large"):
    """MobileNetV3Large (5.5M parameters at alpha=1); takes pixels in [0, 255] (it rescales them itself)."""
    return MobileNetV3(_LARGE, 1280, "large", input_shape, alpha, minimalistic, include_top, weights,
                       input_tensor, classes, pooling, dropout_rate, classifier_activation,
                       include_preprocessing, name)
