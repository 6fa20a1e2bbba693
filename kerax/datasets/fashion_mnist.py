"""Fashion-MNIST: 60,000 training and 10,000 test 28x28 grayscale images of 10 kinds of clothing."""
import gzip
import os

import numpy as np

from kerax.datasets import sources

_CACHE_SUBDIR = os.path.join("datasets", "fashion-mnist")


def _read_idx(name, header_bytes):
    """The uint8 payload of a gzipped IDX file, after its header (8 bytes for labels, 16 for images)."""
    with gzip.open(sources.fetch(name, cache_subdir=_CACHE_SUBDIR), "rb") as f:
        return np.frombuffer(f.read(), np.uint8, offset=header_bytes)


def load_data():
    """Returns `(x_train, y_train), (x_test, y_test)`: uint8 images `(60000, 28, 28)` / `(10000, 28, 28)` and
    labels 0-9 (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot)."""
    splits = []
    for prefix in ("train", "t10k"):
        labels = _read_idx(f"{prefix}-labels-idx1-ubyte.gz", 8)
        images = _read_idx(f"{prefix}-images-idx3-ubyte.gz", 16).reshape(len(labels), 28, 28)
        splits.append((images, labels))
    return tuple(splits)
