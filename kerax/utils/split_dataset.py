"""split_dataset: a small in-memory dataset (arrays, a list/tuple of arrays, or a kerax.data.Dataset) cut into
a left and a right kerax.data.Dataset, optionally shuffled first with Python's `random` and the seed."""
import random
import time
import warnings

import numpy as np

from kerax import tree
from kerax.data import Dataset
from kerax.data.batching import Batch


def split_dataset(dataset, left_size=None, right_size=None, shuffle=False, seed=None, preferred_backend=None):
    """Sizes are fractions in (0, 1) or sample counts; a missing one is the complement of the other. A
    batched Dataset is split by sample and both halves are batched again with its batch size. The halves are
    kerax.data.Datasets whatever `preferred_backend` says, except that torch ones cannot be made here."""
    if preferred_backend == "torch":
        raise NotImplementedError(
            "split_dataset returns kerax.data.Dataset objects; torch datasets "
            "(preferred_backend='torch') are not supported. Leave preferred_backend=None."
        )
    if not isinstance(dataset, (list, tuple, np.ndarray, Dataset)):
        raise TypeError(
            "The `dataset` argument must be either a `kerax.data.Dataset` object, or a list/tuple of arrays. "
            f"Received: dataset={dataset} of type {type(dataset)}"
        )
    if left_size is None and right_size is None:
        raise ValueError(
            "At least one of the `left_size` or `right_size` must be specified. "
            "Received: left_size=None and right_size=None"
        )
    samples = list(_samples(dataset))
    if shuffle:
        random.Random(random.randint(0, int(1e6)) if seed is None else seed).shuffle(samples)
    left_size, right_size = _rescale_sizes(left_size, right_size, len(samples))
    halves = (samples[:left_size], samples[-right_size:])
    batch_size = dataset._node.size if _is_batched(dataset) else None
    out = []
    for half in halves:
        ds = Dataset.from_tensor_slices(_restore(half, dataset))
        out.append(ds if batch_size is None else ds.batch(batch_size))
    return tuple(out)


def _samples(dataset):
    if isinstance(dataset, (list, tuple)):
        if not dataset:
            raise ValueError(f"Received an empty {type(dataset).__name__} dataset. "
                             f"Please provide a non-empty {type(dataset).__name__} of arrays.")
        for i, element in enumerate(dataset):
            if not isinstance(element, np.ndarray):
                raise ValueError(f"Expected a {type(dataset).__name__} of `numpy.ndarray` objects, "
                                 f"Received: {type(element)} at index {i}.")
            if len(element) != len(dataset[0]):
                raise ValueError(
                    f"Received a {type(dataset).__name__} of NumPy arrays with different lengths. Mismatch "
                    f"found at index {i}, Expected shape={dataset[0].shape} Received shape={element.shape}."
                )
        return zip(*dataset)
    if isinstance(dataset, Dataset):
        return _checked(dataset.unbatch() if _is_batched(dataset) else dataset)
    return _checked(dataset)


def _is_batched(dataset):
    return isinstance(dataset, Dataset) and isinstance(dataset._node, Batch)


def _checked(elements):
    """Every sample, checked to have the first one's shape; warns when reading takes over 10 seconds."""
    start, first_shape, count = time.time(), None, 0
    for count, sample in enumerate(elements, 1):
        shape = sample.shape if isinstance(sample, np.ndarray) else None
        if count == 1:
            first_shape = shape
        elif first_shape is not None and shape != first_shape:
            raise ValueError(f"All `dataset` samples must have same shape, Expected shape: {first_shape} "
                             f"Received shape: {shape} at index {count - 2}.")
        if count % 10 == 0 and time.time() - start > 10:
            start = float("inf")  # warn once
            warnings.warn(
                "The dataset is taking longer than 10 seconds to iterate over. This may be due to the size "
                "of the dataset. Keep in mind that the `split_dataset` utility is only for small in-memory "
                "dataset (e.g. < 10,000 samples).", ResourceWarning,
            )
        yield sample
    if count == 0:
        raise ValueError("Received an empty dataset. Argument `dataset` must be a non-empty list/tuple of "
                         "`numpy.ndarray` objects or `kerax.data.Dataset` objects.")


def _restore(samples, original):
    """The samples stacked back into arrays laid out like one sample (lists become tuples)."""
    if isinstance(original, np.ndarray):
        return np.array(samples)
    columns = [np.array(column) for column in zip(*(tree.flatten(s) for s in samples))]
    return _lists_to_tuples(tree.pack_sequence_as(samples[0], columns))


def _lists_to_tuples(x):
    if isinstance(x, dict):
        return {k: _lists_to_tuples(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)) and not hasattr(x, "_fields"):
        return tuple(_lists_to_tuples(v) for v in x)
    return x


def _check_size(name, size, total):
    if size is None:
        return
    if type(size) not in (int, float):
        raise TypeError(
            f"Invalid `{name}` Type. Expected: int or float or None, Received: type({name})={type(size)}."
        )
    if (type(size) is int and not 0 < size < total) or (type(size) is float and not 0 < size < 1):
        raise ValueError(
            f"`{name}` should be either a positive integer smaller than {total}, or a float within the range "
            f"`[0, 1]`. Received: {name}={size}"
        )


def _rescale_sizes(left_size, right_size, total):
    """Both sizes as sample counts that fit in `total`, with Keras's checks and messages."""
    if left_size == 0 and right_size == 0:
        raise ValueError(
            "Both `left_size` and `right_size` are zero. At least one of the split sizes must be non-zero."
        )
    _check_size("left_size", left_size, total)
    _check_size("right_size", right_size, total)
    if type(left_size) is float and type(right_size) is float and left_size + right_size > 1:
        raise ValueError(
            "The sum of `left_size` and `right_size` is greater than 1. It must be less than or equal to 1."
        )
    left = round(left_size * total) if type(left_size) is float else left_size
    right = round(right_size * total) if type(right_size) is float else right_size
    left = total - right if left is None else left
    right = total - left if right is None else right
    if left + right > total:
        raise ValueError(f"The sum of `left_size` and `right_size` should be smaller than the {total}. "
                         f"Received: left_size + right_size = {left + right}and total_length = {total}")
    for split, side in ((left, "left"), (right, "right")):
        if split == 0:
            raise ValueError(f"With `dataset` of length={total}, `left_size`={left} and `right_size`={right}."
                             f"Resulting {side} side dataset split will be empty. Adjust any of the "
                             "aforementioned parameters")
    return int(left), int(right)
