"""CIFAR-10: 50,000 training and 10,000 test 32x32 color images in 10 classes (airplane, automobile, bird,
cat, deer, dog, frog, horse, ship, truck)."""
import os

from kerax.datasets import cifar, sources


def load_data():
    """Returns `(x_train, y_train), (x_test, y_test)`: uint8 images `(50000, 32, 32, 3)` / `(10000, 32, 32,
    3)` (channels_last; `(n, 3, 32, 32)` under channels_first) and uint8 labels `(n, 1)`."""
    folder = sources.fetch("cifar-10-python.tar.gz", "cifar-10-batches-py-target", extract=True)
    folder = os.path.join(folder, "cifar-10-batches-py")
    train = cifar.load_batches(folder, [f"data_batch_{i}" for i in range(1, 6)])
    test = cifar.load_batches(folder, ["test_batch"])
    return tuple((x.astype("uint8", copy=False), y.astype("uint8", copy=False)) for x, y in (train, test))
