"""What the *_dataset_from_directory functions share: listing the files of a folder with their labels (Keras's
order: class folders in alphanumeric order, files sorted within each, then one seeded shuffle of the whole
list), checking the label and split arguments, and cutting the training or validation part."""
import os

import numpy as np

LABEL_MODES = ("int", "categorical", "binary", None)


def check_label_arguments(labels, label_mode, class_names, kind):
    """Keras's checks of `labels`, `label_mode` and `class_names`; `kind` names the files (e.g. "image")."""
    if labels not in ("inferred", None):
        if not isinstance(labels, (list, tuple)):
            raise ValueError(
                "`labels` argument should be a list/tuple of integer labels, of the same size as the number "
                f"of {kind} files in the target directory. If you wish to infer the labels from the "
                'subdirectory names in the target directory, pass `labels="inferred"`. If you wish to get a '
                f"dataset that only contains {kind}s (no labels), pass `labels=None`. "
                f"Received: labels={labels}"
            )
        if class_names:
            raise ValueError(
                'You can only pass `class_names` if `labels="inferred"`. '
                f"Received: labels={labels}, and class_names={class_names}"
            )
    if label_mode not in LABEL_MODES:
        raise ValueError(
            '`label_mode` argument must be one of "int", "categorical", "binary", or None. '
            f"Received: label_mode={label_mode}"
        )


def check_validation_split_arg(validation_split, subset, shuffle, seed):
    if validation_split and not 0 < validation_split < 1:
        raise ValueError(f"`validation_split` must be between 0 and 1, received: {validation_split}")
    if (validation_split or subset) and not (validation_split and subset):
        raise ValueError("If `subset` is set, `validation_split` must be set, and inversely.")
    if subset not in ("training", "validation", "both", None):
        raise ValueError(f'`subset` must be either "training", "validation" or "both", received: {subset}')
    if validation_split and shuffle and seed is None:
        raise ValueError(
            "If using `validation_split` and shuffling the data, you must provide a `seed` argument, to make "
            "sure that there is no overlap between the training and validation subset."
        )


def index_directory(directory, labels, formats, class_names=None, shuffle=True, seed=None,
                    follow_links=False, verbose=True):
    """(file_paths, labels, class_names). With `labels="inferred"` each subfolder is a class; otherwise the
    whole tree is listed and `labels` (given in the sorted order of the paths) is checked against it."""
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"The directory {directory!r} does not exist (or is not a folder).")
    if labels == "inferred":
        subdirs = [d for d in sorted(os.listdir(directory))
                   if os.path.isdir(os.path.join(directory, d)) and not d.startswith(".")]
        if class_names is not None:
            if not set(class_names).issubset(subdirs):
                raise ValueError(
                    "The `class_names` passed did not match the names of the subdirectories of the target "
                    f"directory. Expected: {subdirs} (or a subset of it), but received: "
                    f"class_names={class_names}"
                )
            subdirs = list(class_names)  # the order given
    else:
        if class_names is not None and labels is None:
            raise ValueError("When `labels=None` (no labels), argument `class_names` cannot be specified.")
        if class_names is not None:
            raise ValueError(
                "When argument `labels` is specified, argument `class_names` cannot be specified (the "
                "`class_names` will be the sorted list of labels)."
            )
        subdirs = [""]
    file_paths, found = [], []
    for index, subdir in enumerate(subdirs):
        paths = list(valid_files(os.path.join(directory, subdir), follow_links, formats))
        file_paths += paths
        found += [index] * len(paths)
    if labels == "inferred":
        labels, class_names = np.asarray(found, dtype="int32"), subdirs
    elif labels is not None:
        if len(labels) != len(file_paths):
            raise ValueError(
                "Expected the lengths of `labels` to match the number of files in the target directory. "
                f"len(labels) is {len(labels)} while we found {len(file_paths)} files in directory "
                f"{directory}."
            )
        class_names = [str(label) for label in sorted(set(labels))]
        labels = list(labels)
    if verbose:
        classes = "" if labels is None else f" belonging to {len(class_names)} classes"
        print(f"Found {len(file_paths)} files{classes}.")
    if shuffle:
        # The same seeded permutation of paths and labels, so every epoch and both subsets agree.
        seed = np.random.randint(1e6) if seed is None else seed
        np.random.RandomState(seed).shuffle(file_paths)
        if labels is not None:
            np.random.RandomState(seed).shuffle(labels)
    return file_paths, labels, class_names


def valid_files(directory, follow_links, formats):
    """Every file under `directory` (recursively) whose lowercased name ends with one of `formats`."""
    for root, _, files in sorted(os.walk(directory, followlinks=follow_links), key=lambda entry: entry[0]):
        for name in sorted(files):
            if name.lower().endswith(formats):
                yield os.path.join(root, name)


def get_training_or_validation_split(samples, labels, validation_split, subset):
    """The first (1 - validation_split) of the shuffled list for training, the rest for validation."""
    if not validation_split:
        return samples, labels
    num_val = int(validation_split * len(samples))
    num_train = len(samples) - num_val
    if subset == "training":
        print(f"Using {num_train} files for training.")
        part = slice(0, num_train)
    elif subset == "validation":
        print(f"Using {num_val} files for validation.")
        part = slice(num_train, len(samples))
    else:
        raise ValueError(f'`subset` must be either "training" or "validation", received: {subset}')
    return samples[part], None if labels is None else labels[part]


def encode_labels(labels, label_mode, num_classes):
    """int32 labels, float32 0/1 of shape (n, 1) for "binary", float32 one-hot for "categorical"."""
    labels = np.asarray(labels, dtype="int32")
    if label_mode == "binary":
        return labels.astype("float32")[:, None]
    if label_mode == "categorical":
        return np.eye(num_classes, dtype="float32")[labels]
    return labels
