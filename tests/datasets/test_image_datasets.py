"""mnist, fashion_mnist, cifar10, cifar100 read from tiny files in the real formats."""
import gzip
import hashlib
import io
import pickle
import tarfile

import numpy as np
import pytest

import kerax
from kerax import datasets, layers
from kerax.datasets import sources
from local_http_server import LocalServer


def npz_bytes(**arrays):
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def tiny_mnist(rng):
    return {"x_train": rng.integers(0, 256, (6, 28, 28), dtype=np.uint8),
            "y_train": rng.integers(0, 10, 6, dtype=np.uint8),
            "x_test": rng.integers(0, 256, (3, 28, 28), dtype=np.uint8),
            "y_test": rng.integers(0, 10, 3, dtype=np.uint8)}


def test_mnist_reads_the_cached_npz(place, rng):
    arrays = tiny_mnist(rng)
    place("mnist.npz", npz_bytes(**arrays))
    (x_train, y_train), (x_test, y_test) = datasets.mnist.load_data()
    for got, key in [(x_train, "x_train"), (y_train, "y_train"), (x_test, "x_test"), (y_test, "y_test")]:
        assert got.dtype == np.uint8
        np.testing.assert_array_equal(got, arrays[key])


def test_mnist_downloads_from_its_origin_once(keras_home, monkeypatch, rng):
    data = npz_bytes(**tiny_mnist(rng))
    with LocalServer() as server:
        server.files["/mnist.npz"] = data
        monkeypatch.setitem(sources.FILES, "mnist.npz", (server.url("/"), hashlib.sha256(data).hexdigest()))
        datasets.mnist.load_data()
        (x_train, _), _ = datasets.mnist.load_data()
        assert server.requests == ["/mnist.npz"] and x_train.shape == (6, 28, 28)
    assert (keras_home / "datasets" / "mnist.npz").read_bytes() == data


def idx_gz(header, payload):
    return gzip.compress(header + payload.tobytes())


def test_fashion_mnist_reads_gzipped_idx_files(place, rng):
    splits = {"train": (7, 4), "t10k": (3, 2)}
    expected = {}
    for prefix, (n, _) in splits.items():
        images = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        labels = rng.integers(0, 10, n, dtype=np.uint8)
        expected[prefix] = (images, labels)
        # IDX headers: magic number, then the dimensions (8 bytes before labels, 16 before images)
        place(f"{prefix}-labels-idx1-ubyte.gz", idx_gz(np.array([2049, n], ">i4").tobytes(), labels),
              subdir="datasets/fashion-mnist")
        place(f"{prefix}-images-idx3-ubyte.gz", idx_gz(np.array([2051, n, 28, 28], ">i4").tobytes(), images),
              subdir="datasets/fashion-mnist")
    (x_train, y_train), (x_test, y_test) = datasets.fashion_mnist.load_data()
    assert x_train.shape == (7, 28, 28) and x_test.shape == (3, 28, 28) and y_train.dtype == np.uint8
    np.testing.assert_array_equal(x_train, expected["train"][0])
    np.testing.assert_array_equal(y_test, expected["t10k"][1])


def cifar_tar(folder, batches):
    """A tar.gz holding `folder/<name>` pickles of {b"data": (n, 3072) uint8, label_key: list} (bytes keys, as
    the Python 2 pickles load with encoding="bytes")."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, content in batches.items():
            blob = pickle.dumps({k.encode(): v for k, v in content.items()}, protocol=3)
            info = tarfile.TarInfo(f"{folder}/{name}")
            info.size = len(blob)
            tar.addfile(info, io.BytesIO(blob))
    return buffer.getvalue()


def chw_to_hwc(rows):
    """Expected images written out independently: pixel (h, w, c) is row[c * 1024 + h * 32 + w]."""
    n = len(rows)
    out = np.zeros((n, 32, 32, 3), np.uint8)
    for i in range(n):
        for c in range(3):
            out[i, :, :, c] = rows[i, c * 1024:(c + 1) * 1024].reshape(32, 32)
    return out


def test_cifar10_concatenates_the_five_batches_channels_last(place, rng):
    batches, rows, labels = {}, [], []
    for i in range(1, 6):
        data = rng.integers(0, 256, (2, 3072), dtype=np.uint8)
        batches[f"data_batch_{i}"] = {"data": data, "labels": [i, 9 - i], "batch_label": b"x"}
        rows.append(data)
        labels += [i, 9 - i]
    test_rows = rng.integers(0, 256, (3, 3072), dtype=np.uint8)
    batches["test_batch"] = {"data": test_rows, "labels": [0, 1, 2]}
    place("cifar-10-python.tar.gz", cifar_tar("cifar-10-batches-py", batches),
          cache_name="cifar-10-batches-py-target_archive")
    (x_train, y_train), (x_test, y_test) = datasets.cifar10.load_data()
    assert x_train.shape == (10, 32, 32, 3) and x_train.dtype == np.uint8
    assert y_train.shape == (10, 1) and y_train.dtype == np.uint8 and y_test.dtype == np.uint8
    np.testing.assert_array_equal(x_train, chw_to_hwc(np.concatenate(rows)))
    np.testing.assert_array_equal(y_train[:, 0], labels)
    np.testing.assert_array_equal(x_test, chw_to_hwc(test_rows))
    np.testing.assert_array_equal(y_test, [[0], [1], [2]])

    kerax.backend.set_image_data_format("channels_first")
    try:
        (x_first, _), _ = datasets.cifar10.load_data()
    finally:
        kerax.backend.set_image_data_format("channels_last")
    np.testing.assert_array_equal(x_first, np.concatenate(rows).reshape(10, 3, 32, 32))


def test_cifar100_fine_and_coarse_labels(place, rng):
    train = rng.integers(0, 256, (4, 3072), dtype=np.uint8)
    test = rng.integers(0, 256, (2, 3072), dtype=np.uint8)
    batches = {"train": {"data": train, "fine_labels": [10, 20, 30, 99], "coarse_labels": [1, 2, 3, 19]},
               "test": {"data": test, "fine_labels": [5, 6], "coarse_labels": [0, 4]}}
    place("cifar-100-python.tar.gz", cifar_tar("cifar-100-python", batches),
          cache_name="cifar-100-python-target_archive")
    (x_train, y_fine), (x_test, y_fine_test) = datasets.cifar100.load_data()
    (_, y_coarse), _ = datasets.cifar100.load_data(label_mode="coarse")
    assert x_train.shape == (4, 32, 32, 3) and x_test.shape == (2, 32, 32, 3)
    np.testing.assert_array_equal(x_test, chw_to_hwc(test))
    np.testing.assert_array_equal(y_fine, [[10], [20], [30], [99]])
    np.testing.assert_array_equal(y_fine_test, [[5], [6]])
    np.testing.assert_array_equal(y_coarse, [[1], [2], [3], [19]])
    with pytest.raises(ValueError, match='`label_mode` must be one of `"fine"`, `"coarse"`'):
        datasets.cifar100.load_data(label_mode="medium")


def test_a_pickle_that_would_run_code_is_refused(place, tmp_path):
    class Evil:
        def __reduce__(self):
            return (print, ("owned",))

    blob = pickle.dumps({b"data": Evil(), b"labels": [0]})
    (tmp_path / "batch").write_bytes(blob)
    with pytest.raises(pickle.UnpicklingError, match="builtins.print"):
        datasets.cifar.load_batch(str(tmp_path / "batch"))


def test_mnist_trains_a_model(place, rng):
    place("mnist.npz", npz_bytes(**tiny_mnist(rng)))
    (x_train, y_train), _ = datasets.mnist.load_data()
    model = kerax.Sequential([layers.Input((28, 28)), layers.Flatten(),
                              layers.Dense(10, activation="softmax")])
    model.compile("adam", "sparse_categorical_crossentropy", metrics=["accuracy"])
    history = model.fit(x_train.astype("float32") / 255, y_train, batch_size=3, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2 and np.isfinite(history.history["loss"]).all()
