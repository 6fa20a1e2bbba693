"""text_dataset_from_directory: a folder of class subfolders of .txt files as a kerax.data.Dataset of
(texts, labels) batches; texts are NumPy unicode strings."""
import numpy as np

from kerax.utils import directory_dataset
from kerax.utils.dataset_utils import check_label_arguments


def text_dataset_from_directory(directory, labels="inferred", label_mode="int", class_names=None,
                                batch_size=32, max_length=None, shuffle=True, seed=None,
                                validation_split=None, subset=None, follow_links=False, format="tf",
                                verbose=True):
    """Texts longer than `max_length` characters are cut to it. `format` is accepted for Keras's signature."""
    check_label_arguments(labels, label_mode, class_names, "text")
    if format not in ("tf", "grain"):
        raise ValueError(f'`format` should be either "tf" or "grain". Received: format={format}')
    labels, label_mode = directory_dataset.normalize_label_mode(labels, label_mode)

    def load(path):
        with open(path, encoding="utf-8", errors="replace", newline="") as f:  # newlines kept as written
            return np.str_(f.read(max_length) if max_length is not None else f.read())

    kind = directory_dataset.FileKind((".txt",), load, "text files", "Allowed format: .txt")
    return directory_dataset.from_directory(
        kind, directory, labels, label_mode, class_names, batch_size, shuffle, seed, validation_split, subset,
        follow_links, verbose,
    )
