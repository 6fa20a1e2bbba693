"""MobileNet (Howard et al., 2017): depthwise separable convolutions, ReLU6, width multiplier `alpha` and
`depth_multiplier`."""
import warnings

from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import tf as preprocess_input

__all__ = ["MobileNet", "decode_predictions", "preprocess_input"]

# (pointwise filters, strides) of depthwise blocks 1 ... 13
_BLOCKS = ((64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1), (512, 1), (512, 1),
           (512, 1), (1024, 2), (1024, 1))
_ALPHA_TEXT = {1.0: "1_0", 0.75: "7_5", 0.5: "5_0", 0.25: "2_5"}


def _bn_relu6(x, name):
    x = layers.BatchNormalization(axis=model_inputs.channel_axis(), name=f"{name}_bn")(x)
    return blocks.relu(6.0, name=f"{name}_relu")(x)


def _depthwise_conv_block(x, pointwise_filters, alpha, depth_multiplier, strides, block_id):
    if strides != 1:
        x = layers.ZeroPadding2D(((0, 1), (0, 1)), name=f"conv_pad_{block_id}")(x)
    x = layers.DepthwiseConv2D((3, 3), padding="same" if strides == 1 else "valid",
                               depth_multiplier=depth_multiplier, strides=(strides, strides), use_bias=False,
                               name=f"conv_dw_{block_id}")(x)
    x = _bn_relu6(x, f"conv_dw_{block_id}")
    x = layers.Conv2D(int(pointwise_filters * alpha), (1, 1), padding="same", use_bias=False, strides=(1, 1),
                      name=f"conv_pw_{block_id}")(x)
    return _bn_relu6(x, f"conv_pw_{block_id}")


def imagenet_size(input_shape, sizes, input_tensor=None):
    """The default input size: the square size of `input_shape` (else of `input_tensor`) if Keras publishes
    weights for it, else 224."""
    shape = input_shape if input_shape is not None or input_tensor is None else tuple(input_tensor.shape[1:])
    if shape is None:
        return 224
    rows, cols = model_inputs.spatial_size(shape)
    return rows if rows == cols and rows in sizes else 224


def check_imagenet_rows(rows, cols, sizes):
    """The size whose weights are loaded: `rows`, or 224 (with Keras's warning) for other shapes."""
    if rows == cols and rows in sizes:
        return rows
    warnings.warn(f"`input_shape` is undefined or non-square, or `rows` is not in {list(sizes)}. Weights for "
                  "input shape (224, 224) will be loaded as the default.", stacklevel=3)
    return 224


def _classifier_top(x, classes, dropout, classifier_activation, weights):
    x = layers.GlobalAveragePooling2D(keepdims=True)(x)
    x = layers.Dropout(dropout, name="dropout")(x)
    x = layers.Conv2D(classes, (1, 1), padding="same", name="conv_preds")(x)
    x = layers.Reshape((classes,), name="reshape_2")(x)
    blocks.validate_activation(classifier_activation, weights)
    return layers.Activation(activation=classifier_activation, name="predictions")(x)


def MobileNet(input_shape=None, alpha=1.0, depth_multiplier=1, dropout=1e-3, include_top=True,
              weights="imagenet", input_tensor=None, pooling=None, classes=1000,
              classifier_activation="softmax", name=None):
    """MobileNet (4.3M parameters at alpha=1); use `mobilenet.preprocess_input` (scales to [-1, 1])."""
    sizes = (128, 160, 192, 224)
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, imagenet_size(input_shape, sizes), 32,
                                                  include_top, weights)
    rows, cols = model_inputs.spatial_size(input_shape)
    if weights == "imagenet":
        if depth_multiplier != 1:
            raise ValueError("If imagenet weights are being loaded, depth multiplier must be 1.  Received "
                             f"depth_multiplier={depth_multiplier}")
        if alpha not in _ALPHA_TEXT:
            raise ValueError("If imagenet weights are being loaded, alpha can be one of`0.25`, `0.50`, "
                             f"`0.75` or `1.0` only.  Received alpha={alpha}")
        rows = check_imagenet_rows(rows, cols, sizes)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = layers.Conv2D(int(32 * alpha), (3, 3), padding="same", use_bias=False, strides=(2, 2),
                      name="conv1")(img_input)
    x = _bn_relu6(x, "conv1")
    for block_id, (filters, strides) in enumerate(_BLOCKS, start=1):
        x = _depthwise_conv_block(x, filters, alpha, depth_multiplier, strides, block_id)
    if include_top:
        x = _classifier_top(x, classes, dropout, classifier_activation, weights)
    else:
        x = blocks.pooled(x, pooling)
    name = name or f"mobilenet_{alpha:0.2f}_{rows}"
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    file_name = f"mobilenet_{_ALPHA_TEXT.get(alpha)}_{rows}_tf{'' if include_top else '_no_top'}.h5"
    return weight_files.load(model, weights, file_name)
