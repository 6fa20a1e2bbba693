"""CIFAR-100: 50,000 training and 10,000 test 32x32 color images in 100 fine classes grouped in 20 coarse
ones."""
import os

from kerax.datasets import cifar, sources


def load_data(label_mode="fine"):
    """Returns `(x_train, y_train), (x_test, y_test)`: uint8 images `(50000, 32, 32, 3)` / `(10000, 32, 32,
    3)` and labels `(n, 1)`: the fine classes (0-99), or with `label_mode="coarse"` the superclasses (0-19).
    The labels are int64, as Keras returns them."""
    if label_mode not in ["fine", "coarse"]:
        raise ValueError(
            f'`label_mode` must be one of `"fine"`, `"coarse"`. Received: label_mode={label_mode}.')
    folder = sources.fetch("cifar-100-python.tar.gz", "cifar-100-python-target", extract=True)
    folder = os.path.join(folder, "cifar-100-python")
    train = cifar.load_batches(folder, ["train"], label_key=f"{label_mode}_labels")
    test = cifar.load_batches(folder, ["test"], label_key=f"{label_mode}_labels")
    return train, test
