"""The pipeline behind image/text/audio_dataset_from_directory: list the files once, then a kerax.data.Dataset
of (path, label) that shuffles, reads and decodes each file in worker threads, batches, and prefetches in the
background. Nothing is read before iteration, so a folder larger than memory streams."""
import numpy as np

from kerax.data import AUTOTUNE, Dataset
from kerax.utils import dataset_utils


class FileKind:
    """What differs between the three: the file suffixes, how a file becomes an array, how elements are
    batched, and the words of the "nothing found" errors."""

    def __init__(self, formats, load, noun, allowed, batch=None, keeps_file_paths=False):
        self.formats, self.load, self.noun, self.allowed = formats, load, noun, allowed
        self.batch = batch or (lambda ds, size: ds.batch(size))
        self.keeps_file_paths = keeps_file_paths


def from_directory(kind, directory, labels, label_mode, class_names, batch_size, shuffle, seed,
                   validation_split, subset, follow_links, verbose):
    """One dataset, or (training, validation) when subset="both"; each has `class_names`."""
    dataset_utils.check_validation_split_arg(validation_split, subset, shuffle, seed)
    if seed is None:
        seed = np.random.randint(1e6)
    paths, labels, class_names = dataset_utils.index_directory(
        directory, labels, kind.formats, class_names=class_names, shuffle=shuffle, seed=seed,
        follow_links=follow_links, verbose=verbose,
    )
    if label_mode == "binary" and len(class_names) != 2:
        raise ValueError(
            'When passing `label_mode="binary"`, there must be exactly 2 class_names. '
            f"Received: class_names={class_names}"
        )
    num_classes = len(class_names) if class_names else 0
    buffer = batch_size * 8 if batch_size is not None else 1024

    def make(part, shuffled):
        part_paths, part_labels = dataset_utils.get_training_or_validation_split(
            paths, labels, validation_split, part
        )
        if not part_paths:
            where = f"{part} " if part and subset == "both" else ""
            raise ValueError(f"No {where}{kind.noun} found in directory {directory}. {kind.allowed}")
        ds = _files_dataset(kind, part_paths, part_labels, label_mode, num_classes, shuffled and shuffle,
                            buffer, seed, batch_size)
        ds.class_names = class_names
        if kind.keeps_file_paths:
            ds.file_paths = part_paths
        return ds

    if subset == "both":
        return make("training", True), make("validation", False)
    return make(subset, True)


def _files_dataset(kind, paths, labels, label_mode, num_classes, shuffle, buffer, seed, batch_size):
    paths = np.asarray(paths, dtype=str)
    if label_mode:
        ds = Dataset.from_tensor_slices((paths, dataset_utils.encode_labels(labels, label_mode, num_classes)))
    else:
        ds = Dataset.from_tensor_slices(paths)
    if shuffle:
        ds = ds.shuffle(buffer, seed=seed)
    if label_mode:
        ds = ds.map(lambda path, label: (kind.load(str(path)), label), num_parallel_calls=AUTOTUNE)
    else:
        ds = ds.map(lambda path: kind.load(str(path)), num_parallel_calls=AUTOTUNE)
    if batch_size is not None:
        ds = kind.batch(ds, batch_size)
    return ds.prefetch(AUTOTUNE)


def normalize_label_mode(labels, label_mode):
    """Keras's rule: no labels means no label mode, and the reverse."""
    return (None, None) if labels is None or label_mode is None else (labels, label_mode)
