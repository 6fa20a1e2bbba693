"""VGG16 (Simonyan & Zisserman, 2014): five blocks of 3x3 convolutions and max pooling, two 4096-unit dense
layers; and the builder VGG19 shares."""
from kerax import layers
from kerax.applications import blocks, model_inputs, weight_files
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import caffe as preprocess_input

__all__ = ["VGG16", "decode_predictions", "preprocess_input"]


def VGG(convs_per_block, include_top, weights, input_tensor, input_shape, pooling, classes,
        classifier_activation, name):
    """A VGG network with `convs_per_block[i]` convolutions in block i + 1."""
    model_inputs.check_weights(weights, include_top, classes)
    input_shape = model_inputs.obtain_input_shape(input_shape, 224, 32, include_top, weights)
    img_input = model_inputs.image_input(input_tensor, input_shape)
    x = img_input
    for block, (filters, convs) in enumerate(zip((64, 128, 256, 512, 512), convs_per_block), start=1):
        for conv in range(1, convs + 1):
            x = layers.Conv2D(filters, (3, 3), activation="relu", padding="same",
                              name=f"block{block}_conv{conv}")(x)
        x = layers.MaxPooling2D((2, 2), strides=(2, 2), name=f"block{block}_pool")(x)
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(4096, activation="relu", name="fc1")(x)
        x = layers.Dense(4096, activation="relu", name="fc2")(x)
        x = blocks.classifier(x, classes, classifier_activation, weights)
    else:
        x = blocks.pooled(x, pooling)
    model = model_inputs.functional_model(input_tensor, img_input, x, name)
    stem = "vgg16" if sum(convs_per_block) == 13 else "vgg19"
    return weight_files.load(model, weights, weight_files.tf_kernels_name(stem, include_top))


def VGG16(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
          classes=1000, classifier_activation="softmax", name="vgg16"):
    """VGG16 (138.4M parameters); use `vgg16.preprocess_input` (caffe mode) on its inputs."""
    return VGG((2, 2, 3, 3, 3), include_top, weights, input_tensor, input_shape, pooling, classes,
               classifier_activation, name)
