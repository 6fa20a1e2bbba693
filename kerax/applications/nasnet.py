"""NASNetMobile and NASNetLarge (Zoph et al., 2017): stacks of cells found by architecture search
(nasnet_cells.py)."""
from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.nasnet_cells import bn, cell_stack, relu
from kerax.applications.preprocessing_modes import tf as preprocess_input

__all__ = ["NASNetLarge", "NASNetMobile", "decode_predictions", "preprocess_input"]

_IMAGENET_FILES = {224: ("NASNet-mobile.h5", "NASNet-mobile-no-top.h5"),
                   331: ("NASNet-large.h5", "NASNet-large-no-top.h5")}


def NASNet(input_shape=None, penultimate_filters=4032, num_blocks=6, stem_block_filters=96,
           skip_reduction=True, filter_multiplier=2, include_top=True, weights="imagenet", input_tensor=None,
           pooling=None, classes=1000, default_size=None, classifier_activation="softmax", name="NASNet"):
    if model_inputs.channels_first():
        raise ValueError("NASNet does not support the `channels_first` image data format. Switch to "
                         "`channels_last` by editing your local config file at ~/.keras/keras.json")
    model_inputs.check_weights(weights, include_top, classes)
    if isinstance(input_shape, tuple) and None in input_shape and weights == "imagenet":
        raise ValueError("When specifying the input shape of a NASNet and loading `ImageNet` weights, the "
                         "input_shape argument must be static (no None entries). Got: "
                         f"`input_shape={input_shape}`.")
    default_size = default_size or 331
    input_shape = model_inputs.obtain_input_shape(input_shape, default_size, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    if penultimate_filters % (24 * filter_multiplier**2) != 0:
        raise ValueError("For NASNet-A models, the `penultimate_filters` must be a multiple of 24 * "
                         f"(`filter_multiplier` ** 2). Current value: {penultimate_filters}")
    x = layers.Conv2D(stem_block_filters, (3, 3), strides=(2, 2), padding="valid", use_bias=False,
                      name="stem_conv1", kernel_initializer="he_normal")(img_input)
    x = bn("stem_bn1")(x)
    x = relu(cell_stack(x, penultimate_filters // 24, num_blocks, skip_reduction, filter_multiplier))
    if include_top:
        x = blocks.classifier(layers.GlobalAveragePooling2D()(x), classes, classifier_activation, weights)
    else:
        x = blocks.pooled(x, pooling)
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    if weights == "imagenet" and default_size not in _IMAGENET_FILES:
        raise ValueError("ImageNet weights can only be loaded with NASNetLarge or NASNetMobile")
    file_name = _IMAGENET_FILES.get(default_size, (None, None))[0 if include_top else 1]
    return weight_files.load(model, weights, file_name)


def NASNetMobile(input_shape=None, include_top=True, weights="imagenet", input_tensor=None, pooling=None,
                 classes=1000, classifier_activation="softmax", name="nasnet_mobile"):
    """NASNetMobile (5.3M parameters, input 224x224); use `nasnet.preprocess_input` (scales to [-1, 1])."""
    if not include_top and input_shape is None:
        input_shape = (224, 224, 3)
    return NASNet(input_shape, penultimate_filters=1056, num_blocks=4, stem_block_filters=32,
                  skip_reduction=False, filter_multiplier=2, include_top=include_top, weights=weights,
                  input_tensor=input_tensor, pooling=pooling, classes=classes, default_size=224,
                  classifier_activation=classifier_activation, name=name)


def NASNetLarge(input_shape=None, include_top=True, weights="imagenet", input_tensor=None, pooling=None,
                classes=1000, classifier_activation="softmax", name="nasnet_large"):
    """NASNetLarge (88.9M parameters, input 331x331); use `nasnet.preprocess_input` (scales to [-1, 1])."""
    return NASNet(input_shape, penultimate_filters=4032, num_blocks=6, stem_block_filters=96,
                  skip_reduction=True, filter_multiplier=2, include_top=include_top, weights=weights,
                  input_tensor=input_tensor, pooling=pooling, classes=classes, default_size=331,
                  classifier_activation=classifier_activation, name=name)
