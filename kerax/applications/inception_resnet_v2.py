"""InceptionResNetV2 (Szegedy et al., 2016): inception modules with scaled residual connections (block35 x10,
block17 x20, block8 x10 between reduction modules)."""
from kerax import layers, ops
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import tf as preprocess_input
from kerax.serialization import register_keras_serializable

__all__ = ["InceptionResNetV2", "decode_predictions", "preprocess_input"]


@register_keras_serializable(package="kerax.applications")
class CustomScaleLayer(layers.Layer):
    """`inputs[0] + inputs[1] * scale`: the scaled residual connection."""

    def __init__(self, scale, **kwargs):
        super().__init__(**kwargs)
        self.scale = scale

    def call(self, inputs):
        return ops.add(inputs[0], ops.multiply(inputs[1], self.scale))

    def compute_output_shape(self, input_shape):
        return input_shape[0]

    def get_config(self):
        return {**super().get_config(), "scale": self.scale}


def conv2d_bn(x, filters, kernel_size, strides=1, padding="same", activation="relu", use_bias=False,
              name=None):
    """Conv2D, then batch norm (no scale) unless it has a bias, then the activation (`_bn`, `_ac` names)."""
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding=padding, use_bias=use_bias, name=name)(x)
    if not use_bias:
        bn_name = None if name is None else f"{name}_bn"
        x = layers.BatchNormalization(axis=model_inputs.bn_axis(), scale=False, name=bn_name)(x)
    if activation is not None:
        x = layers.Activation(activation, name=None if name is None else f"{name}_ac")(x)
    return x


def _chain(x, convs):
    """conv2d_bn applied in turn with each (filters, kernel_size[, strides, padding])."""
    for args in convs:
        x = conv2d_bn(x, *args)
    return x


_BRANCHES = {  # block type -> its branches, each a chain of (filters, kernel_size)
    "block35": (((32, 1),), ((32, 1), (32, 3)), ((32, 1), (48, 3), (64, 3))),
    "block17": (((192, 1),), ((128, 1), (160, [1, 7]), (192, [7, 1]))),
    "block8": (((192, 1),), ((192, 1), (224, [1, 3]), (256, [3, 1]))),
}


def inception_resnet_block(x, scale, block_type, block_idx, activation="relu"):
    if block_type not in _BRANCHES:
        raise ValueError('Unknown Inception-ResNet block type. Expects "block35", "block17" or "block8", but '
                         f"got: {block_type}")
    block_name = f"{block_type}_{block_idx}"
    branches = [_chain(x, chain) for chain in _BRANCHES[block_type]]
    mixed = layers.Concatenate(axis=model_inputs.bn_axis(), name=f"{block_name}_mixed")(branches)
    up = conv2d_bn(mixed, x.shape[model_inputs.bn_axis()], 1, activation=None, use_bias=True,
                   name=f"{block_name}_conv")
    x = CustomScaleLayer(scale)([x, up])
    if activation is not None:
        x = layers.Activation(activation, name=f"{block_name}_ac")(x)
    return x


def _mixed(x, chains, name):
    """Parallel conv chains and a 3x3 pooling (average, stride 1, for mixed_5b; else max, stride 2)."""
    branches = [_chain(x, chain) for chain in chains]
    if name == "mixed_5b":
        branches.append(conv2d_bn(layers.AveragePooling2D(3, strides=1, padding="same")(x), 64, 1))
    else:
        branches.append(layers.MaxPooling2D(3, strides=2, padding="valid")(x))
    return layers.Concatenate(axis=model_inputs.bn_axis(), name=name)(branches)


def _stem(img_input):
    x = _chain(img_input, ((32, 3, 2, "valid"), (32, 3, 1, "valid"), (64, 3)))
    x = layers.MaxPooling2D(3, strides=2)(x)
    x = _chain(x, ((80, 1, 1, "valid"), (192, 3, 1, "valid")))
    return layers.MaxPooling2D(3, strides=2)(x)


def InceptionResNetV2(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
                      classes=1000, classifier_activation="softmax", name="inception_resnet_v2"):
    """InceptionResNetV2 (55.9M parameters, default input 299x299); use `inception_resnet_v2.preprocess_input`
    (scales to [-1, 1])."""
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, 299, 75, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = _mixed(_stem(img_input), (((96, 1),), ((48, 1), (64, 5)), ((64, 1), (96, 3), (96, 3))), "mixed_5b")
    for block_idx in range(1, 11):
        x = inception_resnet_block(x, scale=0.17, block_type="block35", block_idx=block_idx)
    x = _mixed(x, (((384, 3, 2, "valid"),), ((256, 1), (256, 3), (384, 3, 2, "valid"))), "mixed_6a")
    for block_idx in range(1, 21):
        x = inception_resnet_block(x, scale=0.1, block_type="block17", block_idx=block_idx)
    x = _mixed(x, (((256, 1), (384, 3, 2, "valid")), ((256, 1), (288, 3, 2, "valid")),
                   ((256, 1), (288, 3), (320, 3, 2, "valid"))), "mixed_7a")
    for block_idx in range(1, 10):
        x = inception_resnet_block(x, scale=0.2, block_type="block8", block_idx=block_idx)
    x = inception_resnet_block(x, scale=1.0, activation=None, block_type="block8", block_idx=10)
    x = conv2d_bn(x, 1536, 1, name="conv_7b")
    x = blocks.average_top(x, include_top, pooling, classes, classifier_activation, weights)
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    return weight_files.load(model, weights, weight_files.tf_kernels_name("inception_resnet_v2", include_top))
