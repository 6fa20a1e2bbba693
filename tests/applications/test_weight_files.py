"""`weights="imagenet"`: Keras's files are found in Keras's cache or downloaded from their origin (hash
checked) and loaded in Keras 2's HDF5 layout, by layer order."""
import hashlib

import h5py
import numpy as np
import pytest
from local_http_server import LocalServer

from kerax import applications
from kerax.applications import weight_files

# MobileNetV2's inverted residual blocks (Sandler et al., 2018, table 2): output channels, stride, expansion
V2_BLOCKS = [(16, 1, 1), (24, 2, 6), (24, 1, 6), (32, 2, 6), (32, 1, 6), (32, 1, 6), (64, 2, 6), (64, 1, 6),
             (64, 1, 6), (64, 1, 6), (96, 1, 6), (96, 1, 6), (96, 1, 6), (160, 2, 6), (160, 1, 6),
             (160, 1, 6), (320, 1, 6)]


def round8(v):
    rounded = max(8, int(v + 4) // 8 * 8)
    return rounded + 8 if rounded < 0.9 * v else rounded


def mobilenet_v2_notop_layout(alpha):
    """[(layer name, [(weight name, shape), ...]), ...] in the order Keras's no-top file lists them."""
    def conv(name, shape):
        return [(name, [("kernel", shape)])]

    def bn(name, c):
        return [(name, [(w, (c,)) for w in ("gamma", "beta", "moving_mean", "moving_variance")])]

    channels = round8(32 * alpha)
    layout = [("input_1", [])] + conv("Conv1", (3, 3, 3, channels)) + bn("bn_Conv1", channels)
    layout.append(("Conv1_relu", []))
    for i, (filters, _, expansion) in enumerate(V2_BLOCKS):
        prefix = f"block_{i}_" if i else "expanded_conv_"
        mid, out = channels * expansion, round8(int(filters * alpha))
        if i:
            layout += conv(f"{prefix}expand", (1, 1, channels, mid)) + bn(f"{prefix}expand_BN", mid)
        layout += [(f"{prefix}depthwise", [("depthwise_kernel", (3, 3, mid, 1))])]
        layout += bn(f"{prefix}depthwise_BN", mid)
        layout += conv(f"{prefix}project", (1, 1, mid, out)) + bn(f"{prefix}project_BN", out)
        channels = out
    return layout + conv("Conv_1", (1, 1, channels, 1280)) + bn("Conv_1_bn", 1280) + [("out_relu", [])]


def write_keras2_h5(path, layout, rng):
    """A weights file as tf.keras 2 writes it; returns {layer name: [arrays]}."""
    values = {}
    with h5py.File(path, "w") as f:
        f.attrs["layer_names"] = np.array([name.encode() for name, _ in layout])
        f.attrs["backend"], f.attrs["keras_version"] = b"tensorflow", b"2.2.4"
        for name, weights in layout:
            group = f.create_group(name)
            group.attrs["weight_names"] = np.array([f"{name}/{w}:0".encode() for w, _ in weights])
            values[name] = [rng.normal(size=shape).astype("float32") for _, shape in weights]
            for (w, _), value in zip(weights, values[name]):
                group.create_dataset(f"{name}/{w}:0", data=value)
    return values


def legacy_order(layer):
    return [v.numpy() for v in list(layer.trainable_weights) + list(layer.non_trainable_weights)]


def test_mobilenet_v2_loads_keras_file_from_the_cache(keras_home, rng):
    name = "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5"
    (keras_home / "models").mkdir(parents=True)
    values = write_keras2_h5(keras_home / "models" / name, mobilenet_v2_notop_layout(0.35), rng)
    model = applications.MobileNetV2(alpha=0.35, input_shape=(96, 96, 3), include_top=False,
                                     weights="imagenet")
    assert model.name == "mobilenetv2_0.35_96"
    for layer_name, arrays in values.items():
        if arrays:
            for got, want in zip(legacy_order(model.get_layer(layer_name)), arrays, strict=True):
                np.testing.assert_array_equal(got, want)
    assert tuple(model.output.shape) == (None, 3, 3, 1280)


def test_a_missing_file_is_downloaded_from_its_origin_and_hash_checked(keras_home, monkeypatch, tmp_path):
    name = "weights_mobilenet_v3_small_minimalistic_224_1.0_float_no_top_v2.h5"
    source = applications.MobileNetV3Small(minimalistic=True, include_top=False, input_shape=(32, 32, 3),
                                           weights=None)
    source.save_weights(tmp_path / "source.h5")
    data = (tmp_path / "source.h5").read_bytes()
    with LocalServer() as server:
        server.files[f"/{name}"] = data
        monkeypatch.setitem(weight_files.FILES, name, (server.url("/"), hashlib.md5(data).hexdigest()))
        with pytest.warns(UserWarning, match="Weights for input shape"):
            model = applications.MobileNetV3Small(minimalistic=True, include_top=False,
                                                  input_shape=(32, 32, 3), weights="imagenet")
        assert server.requests == [f"/{name}"]
    assert (keras_home / "models" / name).read_bytes() == data
    for a, b in zip(source.weights, model.weights, strict=True):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


def test_a_file_with_the_wrong_hash_is_refused(monkeypatch):
    name = "efficientnetb0_notop.h5"
    with LocalServer() as server:
        server.files[f"/{name}"] = b"not the weights"
        monkeypatch.setitem(weight_files.FILES, name, (server.url("/"), weight_files.FILES[name][1]))
        with pytest.raises(ValueError, match="hash of the file downloaded"):
            weight_files.fetch(name)


def test_weights_may_be_a_path(tmp_path):
    source = applications.MobileNet(alpha=0.25, input_shape=(32, 32, 3), include_top=False, weights=None)
    source.save_weights(tmp_path / "mine.weights.h5")
    model = applications.MobileNet(alpha=0.25, input_shape=(32, 32, 3), include_top=False,
                                   weights=str(tmp_path / "mine.weights.h5"))
    for a, b in zip(source.weights, model.weights, strict=True):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


APPS = "https://storage.googleapis.com/tensorflow/keras-applications/"


@pytest.mark.parametrize("file_name, origin, file_hash", [
    ("resnet50_weights_tf_dim_ordering_tf_kernels.h5", APPS + "resnet/", "2cb95161c43110f7111970584f804107"),
    ("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5", APPS + "vgg16/",
     "6d6bbae143d832006294945121d1f1fc"),
    ("NASNet-large-no-top.h5", APPS + "nasnet/", "d81d89dc07e6e56530c4e77faddd61b5"),
    ("efficientnetb7.h5", "https://storage.googleapis.com/keras-applications/",
     "8c03f828fec3ef71311cd463b6759d99"),
    ("efficientnetv2-s_notop.h5", APPS + "efficientnet_v2/", "af0682fb74e8c54910f2d4393339c070"),
    ("convnext_tiny.h5", APPS + "convnext/",
     "8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff"),
    ("mobilenet_2_5_128_tf_no_top.h5", APPS + "mobilenet/", None),
])
def test_keras_origins_and_hashes(file_name, origin, file_hash):
    assert weight_files.FILES[file_name] == (origin, file_hash)


def test_the_download_goes_to_kerass_url(monkeypatch):
    requested = []

    def fake_get_file(fname, origin, **kwargs):
        requested.append((fname, origin, kwargs))
        raise ConnectionError("offline")

    monkeypatch.setattr(weight_files, "get_file", fake_get_file)
    with pytest.raises(ConnectionError):
        weight_files.fetch("NASNet-mobile.h5")
    assert requested == [("nasnet_mobile.h5", APPS + "nasnet/NASNet-mobile.h5",
                          {"cache_subdir": "models", "file_hash": "020fb642bf7360b370c678b08e0adf61"})]
