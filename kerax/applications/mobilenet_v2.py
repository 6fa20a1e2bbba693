"""MobileNetV2 (Sandler et al., 2018): inverted residual blocks with linear bottlenecks, ReLU6, width
multiplier `alpha`."""
from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.mobilenet import check_imagenet_rows, imagenet_size
from kerax.applications.preprocessing_modes import tf as preprocess_input

__all__ = ["MobileNetV2", "decode_predictions", "preprocess_input"]

# (filters, stride, expansion) of inverted residual blocks 0 ... 16
_BLOCKS = ((16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
           (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6), (160, 1, 6),
           (320, 1, 6))
_ALPHAS = (0.35, 0.5, 0.75, 1.0, 1.3, 1.4)
_SIZES = (96, 128, 160, 192, 224)


def batch_norm(name):
    """The MobileNetV2/V3 batch norm (momentum 0.999)."""
    return layers.BatchNormalization(axis=model_inputs.channel_axis(), epsilon=1e-3, momentum=0.999,
                                     name=name)


def _inverted_res_block(inputs, expansion, stride, alpha, filters, block_id):
    in_channels = inputs.shape[model_inputs.channel_axis()]
    pointwise_filters = blocks.make_divisible(int(filters * alpha), 8)
    x = inputs
    prefix = f"block_{block_id}_" if block_id else "expanded_conv_"
    if block_id:
        x = layers.Conv2D(expansion * in_channels, kernel_size=1, padding="same", use_bias=False,
                          activation=None, name=f"{prefix}expand")(x)
        x = batch_norm(f"{prefix}expand_BN")(x)
        x = blocks.relu(6.0, name=f"{prefix}expand_relu")(x)
    if stride == 2:
        x = layers.ZeroPadding2D(padding=blocks.correct_pad(x, 3), name=f"{prefix}pad")(x)
    x = layers.DepthwiseConv2D(kernel_size=3, strides=stride, activation=None, use_bias=False,
                               padding="same" if stride == 1 else "valid", name=f"{prefix}depthwise")(x)
    x = batch_norm(f"{prefix}depthwise_BN")(x)
    x = blocks.relu(6.0, name=f"{prefix}depthwise_relu")(x)
    x = layers.Conv2D(pointwise_filters, kernel_size=1, padding="same", use_bias=False, activation=None,
                      name=f"{prefix}project")(x)
    x = batch_norm(f"{prefix}project_BN")(x)
    if in_channels == pointwise_filters and stride == 1:
        return layers.Add(name=f"{prefix}add")([inputs, x])
    return x


def check_input_tensor(input_tensor, input_shape):
    """`input_tensor` and `input_shape`, when both given, must agree on the input width."""
    if input_tensor is None or input_shape is None:
        return
    model_inputs.image_input(input_tensor, input_shape)  # checks it is a symbolic tensor
    tensor_cols = model_inputs.spatial_size(tuple(input_tensor.shape[1:]))[1]
    if tensor_cols != model_inputs.spatial_size(input_shape)[1]:
        raise ValueError("The width of `input_tensor` must equal the width in `input_shape`; Received "
                         f"`input_tensor.shape={input_tensor.shape}`, `input_shape={input_shape}`")


def MobileNetV2(input_shape=None, alpha=1.0, include_top=True, weights="imagenet", input_tensor=None,
                pooling=None, classes=1000, classifier_activation="softmax", name=None):
    """MobileNetV2 (3.5M parameters at alpha=1); use `mobilenet_v2.preprocess_input` (scales to [-1, 1])."""
    model_inputs.check_weights(weights, include_top, classes)
    check_input_tensor(input_tensor, input_shape)
    default_size = imagenet_size(input_shape, _SIZES, input_tensor)
    input_shape = model_inputs.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    rows, cols = model_inputs.spatial_size(input_shape)
    if weights == "imagenet":
        if alpha not in _ALPHAS:
            raise ValueError("If imagenet weights are being loaded, alpha must be one of `0.35`, `0.50`, "
                             f"`0.75`, `1.0`, `1.3` or `1.4` only; Received `alpha={alpha}`")
        rows = check_imagenet_rows(rows, cols, _SIZES)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = layers.Conv2D(blocks.make_divisible(32 * alpha, 8), kernel_size=3, strides=(2, 2), padding="same",
                      use_bias=False, name="Conv1")(img_input)
    x = batch_norm("bn_Conv1")(x)
    x = blocks.relu(6.0, name="Conv1_relu")(x)
    for block_id, (filters, stride, expansion) in enumerate(_BLOCKS):
        x = _inverted_res_block(x, expansion, stride, alpha, filters, block_id)
    last_filters = blocks.make_divisible(1280 * alpha, 8) if alpha > 1.0 else 1280
    x = layers.Conv2D(last_filters, kernel_size=1, use_bias=False, name="Conv_1")(x)
    x = batch_norm("Conv_1_bn")(x)
    x = blocks.relu(6.0, name="out_relu")(x)
    if include_top:
        x = blocks.classifier(layers.GlobalAveragePooling2D()(x), classes, classifier_activation, weights)
    else:
        x = blocks.pooled(x, pooling)
    name = name or f"mobilenetv2_{alpha:0.2f}_{rows}"
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    suffix = "" if include_top else "_no_top"
    file_name = f"mobilenet_v2_weights_tf_dim_ordering_tf_kernels_{float(alpha)}_{rows}{suffix}.h5"
    return weight_files.load(model, weights, file_name)
