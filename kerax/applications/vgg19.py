"""VGG19: VGG16 with four convolutions in each of the last three blocks."""
from kerax.applications.imagenet_utils import decode_predictions
from kerax.applications.preprocessing_modes import caffe as preprocess_input
from kerax.applications.vgg16 import VGG

__all__ = ["VGG19", "decode_predictions", "preprocess_input"]


def VGG19(include_top=True, weights="imagenet", input_tensor=None, input_shape=None, pooling=None,
          classes=1000, classifier_activation="softmax", name="vgg19"):
    """VGG19 (143.7M parameters); use `vgg19.preprocess_input` (caffe mode) on its inputs."""
    return VGG((2, 2, 4, 4, 4), include_top, weights, input_tensor, input_shape, pooling, classes,
               classifier_activation, name)
