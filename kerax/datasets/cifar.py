"""Reading CIFAR-10/100 batch files: pickled dicts (written by Python 2) of uint8 pixel rows and labels."""
import os

import numpy as np

from kerax.backend import config
from kerax.datasets.npz_utils import RestrictedUnpickler


def load_batch(fpath, label_key="labels"):
    """`(data, labels)` of one batch file: data `(n, 3, 32, 32)` uint8, labels a list of ints."""
    with open(fpath, "rb") as f:
        batch = RestrictedUnpickler(f, encoding="bytes").load()
    batch = {k.decode("utf8") if isinstance(k, bytes) else k: v for k, v in batch.items()}
    data = batch["data"]
    return data.reshape(data.shape[0], 3, 32, 32), batch[label_key]


def load_batches(folder, names, label_key="labels"):
    """The batches `names` in `folder`, concatenated: x `(n, 32, 32, 3)` (channels_last, else `(n, 3, 32,
    32)`) and the labels as an `(n, 1)` array."""
    parts = [load_batch(os.path.join(folder, name), label_key) for name in names]
    x = np.concatenate([data for data, _ in parts])
    y = np.concatenate([np.asarray(labels) for _, labels in parts]).reshape(-1, 1)
    if config.image_data_format() == "channels_last":
        x = x.transpose(0, 2, 3, 1)
    return x, y
