"""Parity with Keras 3: runs kerax's image data tools and Keras's side by side on the same files and seeds and
stops at the first difference. Needs Keras 3 (JAX backend), pandas and pydot importable, e.g.

pip install --target /tmp/keras_ref keras==3.15.1 rich namex optree --no-deps PYTHONPATH=/tmp/keras_ref:.
python benchmarks/keras_parity_images.py

Checked: index_directory (order, shuffle, explicit labels), image decoding + resize for every interpolation of
Keras's JAX backend with crop/pad to aspect ratio, smart_resize, load_img/img_to_array/array_to_img,
ImageDataGenerator (flow, flow_from_directory, flow_from_dataframe with every augmentation, fit with ZCA), the
functional random_* helpers, split sizes, and model_to_dot's DOT text (node ids replaced by layer names).
"""
import difflib
import os
import re
import tempfile

os.environ["KERAS_BACKEND"] = "jax"

import keras  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from keras.src.legacy.preprocessing import image as keras_image  # noqa: E402
from keras.src.utils import dataset_utils as keras_dataset_utils  # noqa: E402
from keras.src.utils import image_dataset_utils as keras_image_dataset  # noqa: E402
from keras.src.utils import image_utils as keras_image_utils  # noqa: E402
from PIL import Image  # noqa: E402

import kerax  # noqa: E402
from kerax.preprocessing import image as kerax_image  # noqa: E402
from kerax.utils import dataset_utils, image_dataset  # noqa: E402
from kerax.utils.split_dataset import _rescale_sizes  # noqa: E402

RNG = np.random.default_rng(0)
FORMATS = (".png", ".jpg")


def make_folder():
    """Three classes of 5 PNGs of random sizes, plus a JPEG in a subfolder of each."""
    root = tempfile.mkdtemp()
    for name in ("dog", "cat", "bird"):
        os.makedirs(f"{root}/{name}/sub")
        for i in range(5):
            pixels = RNG.integers(0, 256, (RNG.integers(5, 20), RNG.integers(5, 20), 3), dtype=np.uint8)
            Image.fromarray(pixels).save(f"{root}/{name}/{i}.png")
        Image.fromarray(pixels).save(f"{root}/{name}/sub/deep.jpg")
    return root


def check_index(root):
    for shuffle in (False, True):
        for labels in ("inferred", [0, 1, 2] * 6):
            # Copies: Keras shuffles a list of labels in place.
            a = keras_dataset_utils.index_directory(root, labels if labels == "inferred" else list(labels),
                                                    FORMATS, shuffle=shuffle, seed=3, verbose=False)
            b = dataset_utils.index_directory(root, labels, FORMATS, shuffle=shuffle, seed=3, verbose=False)
            assert a[0] == b[0] and list(a[1]) == list(b[1]) and a[2] == b[2], (a, b)
    print("index_directory: same files, labels and classes")


def check_decoding(root):
    paths = dataset_utils.index_directory(root, "inferred", FORMATS, shuffle=False, verbose=False)[0]
    worst = {}
    for method in ("bilinear", "nearest", "bicubic", "lanczos3", "lanczos5"):
        for crop, pad in ((False, False), (True, False), (False, True)):
            for channels in (1, 3, 4):
                for size in ((7, 9), (24, 16)):
                    for path in paths[:6]:
                        args = (path, size, channels, method, "channels_last", crop, pad)
                        a = np.asarray(keras_image_dataset._load_image_grain(*args))
                        b = image_dataset.load_image(*args)
                        worst[method] = max(worst.get(method, 0), float(np.abs(a - b).max()))
    assert max(worst.values()) < 1e-2, worst
    print("decoded + resized images, largest difference on 0..255:", worst)
    batch = RNG.random((2, 11, 13, 3)).astype("float32")
    for method in ("bilinear", "nearest", "bicubic", "lanczos3"):
        a = np.asarray(keras.preprocessing.image.smart_resize(batch, (5, 7), interpolation=method))
        assert np.abs(a - kerax_image.smart_resize(batch, (5, 7), interpolation=method)).max() < 1e-5
    for mode in ("rgb", "rgba", "grayscale"):
        for size, method, keep in ((None, "nearest", False), ((8, 5), "bilinear", False),
                                   ((6, 6), "bicubic", True)):
            options = dict(color_mode=mode, target_size=size, interpolation=method, keep_aspect_ratio=keep)
            a = keras_image_utils.img_to_array(keras_image_utils.load_img(paths[0], **options))
            assert np.array_equal(a, kerax_image.img_to_array(kerax_image.load_img(paths[0], **options)))
    pixels = RNG.random((5, 4, 3)) * 300 - 20
    assert np.array_equal(np.asarray(keras_image_utils.array_to_img(pixels)),
                          np.asarray(kerax_image.array_to_img(pixels)))
    print("smart_resize, load_img, img_to_array, array_to_img: same")


def generators(**options):
    return keras_image.ImageDataGenerator(**options), kerax_image.ImageDataGenerator(**options)


def same_batches(a, b):
    a, b = (a, b) if isinstance(a, tuple) else ((a,), (b,))
    for x, y in zip(a, b):
        if isinstance(x, list):
            assert all(np.allclose(p, q) for p, q in zip(x, y))
        else:
            assert np.allclose(x, y, atol=1e-3), np.abs(x - y).max()


def check_flow():
    configs = [
        dict(rotation_range=30, width_shift_range=0.2, height_shift_range=0.1, shear_range=10, zoom_range=0.3,
             horizontal_flip=True, vertical_flip=True, fill_mode="reflect"),
        dict(width_shift_range=[-2, 3], height_shift_range=3, fill_mode="constant", cval=5.0,
             channel_shift_range=20.0),
        dict(brightness_range=(0.5, 1.5), rescale=1 / 255.0, samplewise_std_normalization=True),
        dict(rotation_range=15, fill_mode="wrap", zoom_range=(0.8, 1.0), interpolation_order=0),
        dict(featurewise_std_normalization=True, rotation_range=5),
        dict(zca_whitening=True),
    ]
    x, y = (RNG.random((10, 7, 9, 3)) * 255).astype("float32"), np.arange(10)
    for options in configs:
        ours, theirs = generators(**options)
        for gen in (ours, theirs):
            gen.fit(x, augment=True, rounds=2, seed=4)
        a, b = ours.flow(x, y, batch_size=4, seed=11), theirs.flow(x, y, batch_size=4, seed=11)
        for step in range(3):
            same_batches(a[step], b[step])
        a.on_epoch_end()
        b.on_epoch_end()
        for _ in range(2):
            same_batches(next(a), next(b))
    print("ImageDataGenerator.flow + fit: same batches for every augmentation")


def check_flow_from_files(root):
    for mode in ("categorical", "binary", "sparse", "input", None):
        ours, theirs = generators(rotation_range=20, horizontal_flip=True, validation_split=0.4, rescale=0.5)
        classes = ["cat", "dog"] if mode == "binary" else None
        options = dict(target_size=(10, 12), class_mode=mode, classes=classes,
                       batch_size=3, seed=2, subset="training", interpolation="bilinear")
        a, b = ours.flow_from_directory(root, **options), theirs.flow_from_directory(root, **options)
        assert a.filenames == b.filenames and list(a.classes) == list(b.classes) and len(a) == len(b)
        for step in range(len(a)):
            same_batches(a[step], b[step])
    rows = [{"filename": f"{c}/{i}.png", "class": c, "multi": [c, "bird"] if i % 2 else [c], "w": float(i),
             "r": i * 1.5} for c in ("dog", "cat", "bird") for i in range(5)]
    rows.append({"filename": "nope.png", "class": "dog", "multi": ["dog"], "w": 1.0, "r": 0.0})
    frame = pd.DataFrame(rows)
    for options in (dict(class_mode="categorical"), dict(class_mode="sparse", classes=["dog", "cat"]),
                    dict(y_col="multi"), dict(y_col="r", class_mode="raw", weight_col="w"),
                    dict(class_mode=None),
                    dict(y_col=["r", "w"], class_mode="multi_output")):
        ours, theirs = generators(zoom_range=0.2, validation_split=0.3)
        options.update(target_size=(9, 7), batch_size=4, seed=3, subset="training")
        a = ours.flow_from_dataframe(frame, root, **options)
        b = theirs.flow_from_dataframe(frame, root, **options)
        assert a.filenames == b.filenames and len(a) == len(b)
        for step in range(len(a)):
            same_batches(a[step], b[step])
    print("flow_from_directory, flow_from_dataframe: same files, labels and batches")


def check_functions():
    for name, args in (("random_rotation", (30,)), ("random_shift", (0.2, 0.3)), ("random_shear", (20,)),
                       ("random_zoom", ((0.7, 1.2),)), ("random_channel_shift", (30,))):
        img = (RNG.random((3, 8, 6)) * 255).astype("float32")
        np.random.seed(5)
        a = getattr(keras_image, name)(img, *args)
        np.random.seed(5)
        assert np.allclose(a, getattr(kerax_image, name)(img, *args), atol=1e-3), name
    img = (RNG.random((8, 6, 3)) * 255).astype("float32")
    np.random.seed(5)
    a = keras_image.random_brightness(img, (0.3, 1.2))
    np.random.seed(5)
    assert np.allclose(a, kerax_image.random_brightness(img, (0.3, 1.2)), atol=1e-3)
    for left, right, n in ((0.8, None, 10), (None, 3, 10), (0.25, 0.5, 7), (3, 4, 9), (0.5, None, 5)):
        expected = keras_dataset_utils._rescale_dataset_split_sizes(left, right, n)
        assert _rescale_sizes(left, right, n) == expected
    print("random_* helpers and split sizes: same")


def functional_model(k):
    inner_in = k.Input((8,), name="inner_in")
    inner = k.Model(inner_in, k.layers.Dense(4, name="inner_dense")(inner_in), name="inner")
    chain = k.Sequential([k.Input((4,)), k.layers.Dense(3, name="s1"), k.layers.Dense(2, name="s2")],
                         name="seq")
    x, y = k.Input((8,), name="x"), k.Input((8,), name="y")
    a = k.layers.Dense(8, activation="relu", name="a")(x)
    b = k.layers.Dense(8, name="b", trainable=False)(y)
    return k.Model([x, y], [chain(inner(k.layers.Add(name="add")([a, b]))), a], name="outer")


def dot_text(dot, model):
    names = {}

    def walk(layers):
        for layer in layers:
            names[str(id(layer))] = layer.name
            walk(getattr(layer, "layers", []))

    walk(model.layers)
    return re.sub(r"\b(\d{6,})\b", lambda m: names.get(m.group(1), "?" + m.group(1)), dot.to_string())


def check_dot():
    everything = dict(show_shapes=True, show_dtype=True, show_layer_activations=True, show_trainable=True)
    for options in (dict(), everything,
                    dict(expand_nested=True, show_shapes=True, show_layer_names=True, rankdir="LR")):
        a, b = functional_model(keras), functional_model(kerax)
        theirs = dot_text(keras.utils.model_to_dot(a, **options), a)
        ours = dot_text(kerax.utils.model_to_dot(b, **options), b)
        diff = difflib.unified_diff(theirs.splitlines(), ours.splitlines(), lineterm="")
        assert ours == theirs, "\n".join(diff)
    print("model_to_dot: same DOT text")


if __name__ == "__main__":
    folder = make_folder()
    check_index(folder)
    check_decoding(folder)
    check_flow()
    check_flow_from_files(folder)
    check_functions()
    check_dot()
