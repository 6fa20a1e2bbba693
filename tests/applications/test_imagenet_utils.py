"""preprocess_input (Keras's caffe / tf / torch modes, and which family uses which) and decode_predictions
(read from a small imagenet_class_index.json in the cache)."""
import hashlib
import json

import numpy as np
import pytest

import kerax
from kerax import applications
from kerax.applications import imagenet_utils

CAFFE_MEAN_BGR = np.array([103.939, 116.779, 123.68], "float32")
TORCH_MEAN = np.array([0.485, 0.456, 0.406], "float32")
TORCH_STD = np.array([0.229, 0.224, 0.225], "float32")


@pytest.fixture
def images(rng):
    return rng.integers(0, 256, (2, 4, 5, 3)).astype("float32")


def expected(x, mode):
    if mode == "tf":
        return x / 127.5 - 1.0
    if mode == "torch":
        return (x / 255.0 - TORCH_MEAN) / TORCH_STD
    return x[..., ::-1] - CAFFE_MEAN_BGR


@pytest.mark.parametrize("mode", ["caffe", "tf", "torch"])
def test_modes_on_arrays_and_tensors(images, mode):
    want = expected(images.copy(), mode)
    np.testing.assert_allclose(imagenet_utils.preprocess_input(images.copy(), mode=mode), want, rtol=1e-6,
                               atol=1e-4)
    tensor = imagenet_utils.preprocess_input(kerax.ops.convert_to_tensor(images), mode=mode)
    np.testing.assert_allclose(kerax.ops.convert_to_numpy(tensor), want, rtol=1e-6, atol=1e-4)


@pytest.mark.parametrize("mode", ["caffe", "torch"])
def test_channels_first(images, mode):
    first = np.moveaxis(images, -1, 1)
    got = imagenet_utils.preprocess_input(first.copy(), data_format="channels_first", mode=mode)
    np.testing.assert_allclose(np.moveaxis(got, 1, -1), expected(images.copy(), mode), rtol=1e-6, atol=1e-4)
    single = imagenet_utils.preprocess_input(first[0].copy(), data_format="channels_first", mode=mode)
    np.testing.assert_allclose(np.moveaxis(single, 0, -1), expected(images[0].copy(), mode), rtol=1e-6,
                               atol=1e-4)


def test_float_arrays_are_changed_in_place_and_integers_become_floatx(images):
    x = images.copy()
    imagenet_utils.preprocess_input(x, mode="tf")
    np.testing.assert_allclose(x, images / 127.5 - 1.0, rtol=1e-6)
    pixels = np.full((1, 2, 2, 3), 255, "uint8")
    out = imagenet_utils.preprocess_input(pixels, mode="tf")
    assert out.dtype == np.float32 and np.all(out == 1.0) and pixels[0, 0, 0, 0] == 255


def test_preprocess_input_errors(images):
    with pytest.raises(ValueError, match="Expected mode to be one of `caffe`, `tf` or `torch`.*mode=x"):
        imagenet_utils.preprocess_input(images, mode="x")
    with pytest.raises(ValueError, match="Received: data_format=nhwc"):
        imagenet_utils.preprocess_input(images, data_format="nhwc")


@pytest.mark.parametrize("module, mode", [
    ("resnet", "caffe"), ("resnet50", "caffe"), ("vgg16", "caffe"), ("vgg19", "caffe"), ("resnet_v2", "tf"),
    ("xception", "tf"), ("inception_v3", "tf"), ("inception_resnet_v2", "tf"), ("mobilenet", "tf"),
    ("mobilenet_v2", "tf"), ("nasnet", "tf"), ("densenet", "torch"), ("mobilenet_v3", None),
    ("efficientnet", None), ("efficientnet_v2", None), ("convnext", None),
])
def test_each_family_preprocesses_as_keras(images, module, mode):
    family = getattr(applications, module)
    got = family.preprocess_input(images.copy())
    np.testing.assert_allclose(got, images if mode is None else expected(images.copy(), mode), rtol=1e-6,
                               atol=1e-4)
    assert family.decode_predictions is imagenet_utils.decode_predictions


@pytest.fixture
def class_index(keras_home, monkeypatch):
    """A 1000-class index in Keras's format, cached where decode_predictions looks for it."""
    index = {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}
    data = json.dumps(index).encode()
    (keras_home / "models").mkdir(parents=True, exist_ok=True)
    (keras_home / "models" / "imagenet_class_index.json").write_bytes(data)
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX_HASH", hashlib.md5(data).hexdigest())
    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", None)
    return index


def test_decode_predictions_gives_the_top_classes(class_index):
    preds = np.zeros((2, 1000), "float32")
    preds[0, [7, 3, 999]] = [0.5, 0.3, 0.2]
    preds[1, 42] = 1.0
    decoded = imagenet_utils.decode_predictions(preds, top=3)
    assert [(c, d) for c, d, _ in decoded[0]] == [("n00000007", "class_7"), ("n00000003", "class_3"),
                                                  ("n00000999", "class_999")]
    np.testing.assert_allclose([s for _, _, s in decoded[0]], [0.5, 0.3, 0.2])
    assert decoded[1][0][:2] == ("n00000042", "class_42") and len(decoded[1]) == 3
    assert len(applications.resnet50.decode_predictions(preds)[0]) == 5


def test_decode_predictions_shape_error():
    with pytest.raises(ValueError, match=r"a 2D array of shape \(samples, 1000\).*\(2, 10\)"):
        imagenet_utils.decode_predictions(np.zeros((2, 10)))


def test_class_index_origin(monkeypatch):
    seen = []

    def offline_get_file(*args, **kwargs):
        seen.append((args, kwargs))
        raise ConnectionError("offline")

    monkeypatch.setattr(imagenet_utils, "CLASS_INDEX", None)
    monkeypatch.setattr(imagenet_utils, "get_file", offline_get_file)
    with pytest.raises(ConnectionError):
        imagenet_utils.decode_predictions(np.zeros((1, 1000)))
    origin = "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json"
    assert seen == [(("imagenet_class_index.json", origin),
                     {"cache_subdir": "models", "file_hash": "c2c37ea517e94d9795004a39431a14cb"})]
