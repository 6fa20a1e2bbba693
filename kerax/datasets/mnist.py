"""MNIST handwritten digits: 60,000 training and 10,000 test 28x28 grayscale images of the digits 0-9."""
import numpy as np

from kerax.datasets import sources


def load_data(path="mnist.npz"):
    """Returns `(x_train, y_train), (x_test, y_test)`: uint8 images `(60000, 28, 28)` / `(10000, 28, 28)` with
    values 0-255, and uint8 labels `(60000,)` / `(10000,)`. `path` is the cache name under
    `~/.keras/datasets`."""
    with np.load(sources.fetch("mnist.npz", path), allow_pickle=False) as f:
        return (f["x_train"], f["y_train"]), (f["x_test"], f["y_test"])
