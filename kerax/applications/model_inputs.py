"""What every application does first: check `weights`/`classes`, settle the input shape (Keras's rules: the
default size for a classifier top or ImageNet weights, free spatial size otherwise) and make the input
tensor."""
import os
import warnings

from kerax import backend, layers
from kerax.models import Functional
from kerax.utils.source_inputs import get_source_inputs


def check_weights(weights, include_top, classes):
    if not (weights in {"imagenet", None} or os.path.exists(weights)):
        raise ValueError(
            "The `weights` argument should be either `None` (random initialization), 'imagenet' "
            "(pre-training on ImageNet), or the path to the weights file to be loaded.  Received: "
            f"weights={weights}"
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError("If using `weights='imagenet'` with `include_top=True`, `classes` should be 1000.  "
                         f"Received classes={classes}")


def channels_first():
    return backend.image_data_format() == "channels_first"


def bn_axis():
    """The channel axis of a 4D batch as the classic families write it (3 or 1)."""
    return 1 if channels_first() else 3


def channel_axis():
    """The channel axis as MobileNet and Xception write it (-1 or 1)."""
    return 1 if channels_first() else -1


def _default_shape(input_shape, default_size, weights):
    if weights != "imagenet" and input_shape and len(input_shape) == 3:
        channels = input_shape[0] if channels_first() else input_shape[-1]
        if channels not in {1, 3}:
            warnings.warn("This model usually expects 1 or 3 input channels. However, it was passed an "
                          f"input_shape with {channels} input channels.", stacklevel=3)
    else:
        channels = 3
    if channels_first():
        return (channels, default_size, default_size)
    return (default_size, default_size, channels)


def _check_given_shape(input_shape, min_size, weights):
    if len(input_shape) != 3:
        raise ValueError("`input_shape` must be a tuple of three integers.")
    channels, spatial = (input_shape[0], input_shape[1:]) if channels_first() else (
        input_shape[-1], input_shape[:2])
    if channels != 3 and weights == "imagenet":
        raise ValueError(f"The input must have 3 channels; Received `input_shape={input_shape}`")
    if any(size is not None and size < min_size for size in spatial):
        raise ValueError(f"Input size must be at least {min_size}x{min_size}; Received: "
                         f"input_shape={input_shape}")


def obtain_input_shape(input_shape, default_size, min_size, require_flatten, weights=None):
    """The model's input shape (no batch axis): the given one checked, else the default size when a flattening
    top needs it, else a free spatial size."""
    default_shape = _default_shape(input_shape, default_size, weights)
    if weights == "imagenet" and require_flatten:
        if input_shape is not None and tuple(input_shape) != default_shape:
            raise ValueError("When setting `include_top=True` and loading `imagenet` weights, `input_shape` "
                             f"should be {default_shape}.  Received: input_shape={input_shape}")
        return default_shape
    if input_shape:
        _check_given_shape(input_shape, min_size, weights)
    elif require_flatten:
        input_shape = default_shape
    else:
        input_shape = (3, None, None) if channels_first() else (None, None, 3)
    if require_flatten and None in input_shape:
        raise ValueError("If `include_top` is True, you should specify a static `input_shape`. "
                         f"Received: input_shape={input_shape}")
    return tuple(input_shape)


def image_input(input_tensor, input_shape):
    """The tensor the network starts from: `input_tensor` when given, else a new `Input(input_shape)`."""
    if input_tensor is None:
        return layers.Input(shape=input_shape)
    if not backend.is_keras_tensor(input_tensor):
        raise ValueError("`input_tensor` must be a symbolic tensor (from `keras.Input` or a layer call); "
                         f"received {type(input_tensor).__name__}.")
    return input_tensor


def model_inputs(input_tensor, img_input):
    """The model's inputs: the `Input`s `input_tensor` was computed from, or the new input."""
    return img_input if input_tensor is None else get_source_inputs(input_tensor)


def spatial_size(input_shape):
    """(rows, cols) of an input shape."""
    return tuple(input_shape[1:3]) if channels_first() else tuple(input_shape[:2])


def functional_model(input_tensor, img_input, outputs, name):
    """The application's model, from its source inputs to `outputs`."""
    return Functional(model_inputs(input_tensor, img_input), outputs, name=name)
