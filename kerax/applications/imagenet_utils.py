"""`keras.applications.imagenet_utils`: `preprocess_input` in Keras's three modes and `decode_predictions`.

Modes: "caffe" turns RGB into BGR and subtracts the ImageNet mean pixel (0-255 scale); "tf" scales to [-1, 1];
"torch" scales to [0, 1], then subtracts the ImageNet mean and divides by its standard deviation per channel.
A float NumPy array is changed in place (as in Keras); other inputs give new tensors.
"""
import json

import numpy as np

from kerax import backend, ops
from kerax.utils.file_utils import get_file

CLASS_INDEX = None  # {"0": ["n01440764", "tench"], ...}, loaded once
CLASS_INDEX_PATH = "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
CLASS_INDEX_HASH = "c2c37ea517e94d9795004a39431a14cb"

_CAFFE_MEAN = (103.939, 116.779, 123.68)  # BGR
_TORCH_MEAN = (0.485, 0.456, 0.406)
_TORCH_STD = (0.229, 0.224, 0.225)


def preprocess_input(x, data_format=None, mode="caffe"):
    """Preprocesses a batch of images (values 0-255, 3 channels): see the module docstring for the modes."""
    if mode not in {"caffe", "tf", "torch"}:
        raise ValueError(f"Expected mode to be one of `caffe`, `tf` or `torch`. Received: mode={mode}")
    if data_format is None:
        data_format = backend.image_data_format()
    elif data_format not in {"channels_first", "channels_last"}:
        raise ValueError("Expected data_format to be one of `channels_first` or `channels_last`. "
                         f"Received: data_format={data_format}")
    if isinstance(x, np.ndarray):
        return _preprocess_numpy(x, data_format, mode)
    return _preprocess_tensor(x, data_format, mode)


def _channel_shape(ndim, data_format):
    """The shape that broadcasts per-channel constants over a 3D image or a batch."""
    if data_format == "channels_last":
        return (3,)
    return (3, 1, 1) if ndim == 3 else (1, 3) + (1,) * (ndim - 2)


def _bgr_view(x, data_format):
    if data_format == "channels_last":
        return x[..., ::-1]
    return x[::-1, ...] if x.ndim == 3 else x[:, ::-1, ...]


def _preprocess_numpy(x, data_format, mode):
    if not issubclass(x.dtype.type, np.floating):
        x = x.astype(backend.floatx(), copy=False)
    if mode == "tf":
        x /= 127.5
        x -= 1.0
        return x
    if mode == "torch":
        x /= 255.0
        mean, std = _TORCH_MEAN, _TORCH_STD
    else:
        x, mean, std = _bgr_view(x, data_format), _CAFFE_MEAN, None
    shape = _channel_shape(x.ndim, data_format)
    x -= np.asarray(mean, dtype=x.dtype).reshape(shape)
    if std is not None:
        x /= np.asarray(std, dtype=x.dtype).reshape(shape)
    return x


def _preprocess_tensor(x, data_format, mode):
    if mode == "tf":
        return ops.subtract(ops.divide(x, 127.5), 1.0)
    if mode == "torch":
        x, mean, std = ops.divide(x, 255.0), _TORCH_MEAN, _TORCH_STD
    else:
        channels = 0 if x.ndim == 3 and data_format == "channels_first" else (
            1 if data_format == "channels_first" else -1)
        x, mean, std = ops.flip(x, axis=channels), _CAFFE_MEAN, None
    shape = _channel_shape(x.ndim, data_format)
    x = ops.add(x, ops.reshape(backend.convert_to_tensor(-np.array(mean), dtype=x.dtype), shape))
    if std is not None:
        x = ops.divide(x, ops.reshape(backend.convert_to_tensor(np.array(std), dtype=x.dtype), shape))
    return x


def _class_index():
    global CLASS_INDEX
    if CLASS_INDEX is None:
        path = get_file("imagenet_class_index.json", CLASS_INDEX_PATH, cache_subdir="models",
                        file_hash=CLASS_INDEX_HASH)
        with open(path) as f:
            CLASS_INDEX = json.load(f)
    return CLASS_INDEX


def decode_predictions(preds, top=5):
    """The `top` classes of each prediction of a 1000-class ImageNet model, as lists of
    `(class_name, class_description, score)`, best first."""
    if len(preds.shape) != 2 or preds.shape[1] != 1000:
        raise ValueError("`decode_predictions` expects a batch of predictions (i.e. a 2D array of shape "
                         f"(samples, 1000)). Received array with shape: {preds.shape}")
    index = _class_index()
    results = []
    for pred in ops.convert_to_numpy(preds):
        best = pred.argsort()[-top:][::-1]
        results.append(sorted((tuple(index[str(i)]) + (pred[i],) for i in best), key=lambda r: r[2],
                              reverse=True))
    return results
