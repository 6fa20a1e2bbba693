"""ResNet50, ResNet101, ResNet152 (He et al., 2015: bottleneck residual blocks, batch norm after each
convolution) and the stem and top they share with the V2 models (resnet_v2.py)."""
from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import caffe as preprocess_input

__all__ = ["ResNet50", "ResNet101", "ResNet152", "decode_predictions", "preprocess_input"]

BN_EPSILON = 1.001e-5


def batch_norm(name):
    return layers.BatchNormalization(axis=model_inputs.bn_axis(), epsilon=BN_EPSILON, name=name)


def ResNet(stack_fn, preact, use_bias, include_top=True, weights="imagenet", input_tensor=None,
           input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="resnet",
           weights_name=None):
    """A ResNet whose residual stages `stack_fn(x)` builds; `preact` for V2 (batch norm before
    convolutions)."""
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = layers.ZeroPadding2D(padding=((3, 3), (3, 3)), name="conv1_pad")(img_input)
    x = layers.Conv2D(64, 7, strides=2, use_bias=use_bias, name="conv1_conv")(x)
    if not preact:
        x = batch_norm("conv1_bn")(x)
        x = layers.Activation("relu", name="conv1_relu")(x)
    x = layers.ZeroPadding2D(padding=((1, 1), (1, 1)), name="pool1_pad")(x)
    x = layers.MaxPooling2D(3, strides=2, name="pool1_pool")(x)
    x = stack_fn(x)
    if preact:
        x = batch_norm("post_bn")(x)
        x = layers.Activation("relu", name="post_relu")(x)
    x = blocks.average_top(x, include_top, pooling, classes, classifier_activation, weights,
                           ("avg_pool", "max_pool"))
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    file_name = weight_files.tf_kernels_name(weights_name, include_top)
    return weight_files.load(model, weights, file_name)


def residual_block_v1(x, filters, kernel_size=3, stride=1, conv_shortcut=True, name=None):
    """1x1 (stride) -> kxk -> 1x1 (4 * filters), added to the input or to its 1x1 projection."""
    if conv_shortcut:
        shortcut = layers.Conv2D(4 * filters, 1, strides=stride, name=f"{name}_0_conv")(x)
        shortcut = batch_norm(f"{name}_0_bn")(shortcut)
    else:
        shortcut = x
    x = layers.Conv2D(filters, 1, strides=stride, name=f"{name}_1_conv")(x)
    x = batch_norm(f"{name}_1_bn")(x)
    x = layers.Activation("relu", name=f"{name}_1_relu")(x)
    x = layers.Conv2D(filters, kernel_size, padding="SAME", name=f"{name}_2_conv")(x)
    x = batch_norm(f"{name}_2_bn")(x)
    x = layers.Activation("relu", name=f"{name}_2_relu")(x)
    x = layers.Conv2D(4 * filters, 1, name=f"{name}_3_conv")(x)
    x = batch_norm(f"{name}_3_bn")(x)
    x = layers.Add(name=f"{name}_add")([shortcut, x])
    return layers.Activation("relu", name=f"{name}_out")(x)


def stack_residual_blocks_v1(x, filters, blocks, stride1=2, name=None):
    x = residual_block_v1(x, filters, stride=stride1, name=f"{name}_block1")
    for i in range(2, blocks + 1):
        x = residual_block_v1(x, filters, conv_shortcut=False, name=f"{name}_block{i}")
    return x


def _v1_stacks(blocks_per_stage):
    def stack_fn(x):
        for i, (filters, count) in enumerate(zip((64, 128, 256, 512), blocks_per_stage)):
            x = stack_residual_blocks_v1(x, filters, count, stride1=1 if i == 0 else 2, name=f"conv{i + 2}")
        return x

    return stack_fn


def _resnet_v1(blocks_per_stage, weights_name, name, **kwargs):
    return ResNet(_v1_stacks(blocks_per_stage), preact=False, use_bias=True, name=name,
                  weights_name=weights_name, **kwargs)


def ResNet50(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
             classes=1000, classifier_activation="softmax", name="resnet50"):
    """ResNet50 (25.6M parameters); use `resnet.preprocess_input` (caffe mode) on its inputs."""
    return _resnet_v1((3, 4, 6, 3), "resnet50", name, include_top=include_top, weights=weights,
                      input_tensor=input_tensor, input_shape=input_shape, pooling=pooling, classes=classes,
                      classifier_activation=classifier_activation)


def ResNet101(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
              classes=1000, classifier_activation="softmax", name="resnet101"):
    """ResNet101 (44.7M parameters); use `resnet.preprocess_input` (caffe mode) on its inputs."""
    return _resnet_v1((3, 4, 23, 3), "resnet101", name, include_top=include_top, weights=weights,
                      input_tensor=input_tensor, input_shape=input_shape, pooling=pooling, classes=classes,
                      classifier_activation=classifier_activation)


def ResNet152(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
              classes=1000, classifier_activation="softmax", name="resnet152"):
    """ResNet152 (60.4M parameters); use `resnet.preprocess_input` (caffe mode) on its inputs."""
    return _resnet_v1((3, 8, 36, 3), "resnet152", name, include_top=include_top, weights=weights,
                      input_tensor=input_tensor, input_shape=input_shape, pooling=pooling, classes=classes,
                      classifier_activation=classifier_activation)
