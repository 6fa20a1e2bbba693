"""The `preprocess_input` each family exports: one of Keras's three ImageNet modes, or none (models that
rescale inside themselves keep `preprocess_input` as a pass-through, as Keras does)."""
from kerax.applications import imagenet_utils


def caffe(x, data_format=None):
    """Converts RGB images (0-255) to BGR and subtracts the ImageNet mean pixel, without scaling."""
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="caffe")


def tf(x, data_format=None):
    """Scales pixels (0-255) to [-1, 1]."""
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="tf")


def torch(x, data_format=None):
    """Scales pixels (0-255) to [0, 1], then normalizes each channel with the ImageNet mean and deviation."""
    return imagenet_utils.preprocess_input(x, data_format=data_format, mode="torch")


def passthrough(x, data_format=None):
    """Returns `x` unchanged: the model's own first layers rescale its input."""
    return x
