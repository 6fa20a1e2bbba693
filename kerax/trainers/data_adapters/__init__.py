"""Turn every kind of input into batches: arrays stay on the device, everything else streams from the host."""
import warnings

import numpy as np

from kerax.trainers.data_adapters.array_adapter import ArrayAdapter
from kerax.trainers.data_adapters.data_utils import padded_rows, unpack_x_y_sample_weight
from kerax.trainers.data_adapters.iterator_adapter import IteratorAdapter, pad_batch
from kerax import tree


def _is_iterator_source(x):
    return hasattr(x, "__next__") or hasattr(x, "batch") and hasattr(x, "map") or (
        hasattr(x, "__getitem__") and hasattr(x, "on_epoch_end")
    )


def get_data_adapter(x, y=None, sample_weight=None, batch_size=None, steps=None, shuffle=False,
                     class_weight=None, seed=None, one_batch=False, workers=1, use_multiprocessing=False,
                     max_queue_size=10, x_transform=None):
    """An adapter for `x` (and `y`, `sample_weight`); `one_batch=True` makes all the arrays one batch (the
    `*_on_batch` methods). `workers`, `use_multiprocessing` and `max_queue_size` load a Sequence, PyDataset or
    generator in the background (parallel_loading.py). `x_transform` (a model's host-side preprocessing) maps
    raw inputs, e.g. strings, to the numeric inputs of the compiled step, before they are checked."""
    if x is None:
        raise ValueError("No input data: pass `x` (arrays, a kerax.data.Dataset, a generator or a Sequence).")
    if _is_iterator_source(x):
        if y is not None or sample_weight is not None:
            raise ValueError(
                "When `x` is a dataset, generator or Sequence, it must yield the targets itself: do not pass "
                "`y` or `sample_weight`."
            )
        return IteratorAdapter(x, steps=steps, class_weight=class_weight, workers=workers,
                               use_multiprocessing=use_multiprocessing, max_queue_size=max_queue_size,
                               x_transform=x_transform)
    if workers != 1 or use_multiprocessing:
        _warn_once("`workers` and `use_multiprocessing` load a Sequence, PyDataset or generator in the "
                   "background; in-memory arrays need no loading and ignore them.")
    if batch_size is not None and (not isinstance(batch_size, (int, np.integer)) or batch_size < 1):
        raise ValueError(f"batch_size must be a positive integer, received {batch_size!r}.")
    x, y = _nested_lists_as_arrays(x), _nested_lists_as_arrays(y)
    if x_transform is not None:
        x = x_transform(x)
    return ArrayAdapter(x, y, sample_weight, batch_size=batch_size, steps=steps, shuffle=shuffle,
                        class_weight=class_weight, seed=seed, one_batch=one_batch)


def _warn_once(message):
    if message not in _WARNED:
        _WARNED.add(message)
        warnings.warn(message, stacklevel=4)


_WARNED = set()


def _nested_lists_as_arrays(data):
    """A Python list of numbers (or of lists of numbers), e.g. labels `[0, 1, 1]`, is one array, as in Keras; a
    list of arrays stays a list of inputs."""
    return np.asarray(data) if isinstance(data, (list, tuple)) and data and _is_numbers(data) else data


def _is_numbers(items):
    return all(np.isscalar(v) or isinstance(v, (list, tuple)) and _is_numbers(v) for v in items)


def split_validation(x, y, sample_weight, validation_split):
    """The last `validation_split` fraction of the arrays, as Keras does (before any shuffling)."""
    if not 0 < validation_split < 1:
        raise ValueError(f"validation_split must be between 0 and 1, received {validation_split}.")
    if _is_iterator_source(x):
        raise ValueError(
            "validation_split is only supported for arrays; with a dataset or generator, pass `validation_data`."
        )
    n = len(tree.flatten(x)[0])
    split_at = int(n * (1.0 - validation_split))
    if split_at == 0 or split_at == n:
        raise ValueError(f"validation_split={validation_split} leaves no samples on one side ({n} samples).")

    def head(a):
        return None if a is None else np.asarray(a)[:split_at]

    def tail(a):
        return None if a is None else np.asarray(a)[split_at:]

    train = tree.map_structure(head, (x, y, sample_weight))
    val = tree.map_structure(tail, (x, y, sample_weight))
    return train, val


__all__ = ["ArrayAdapter", "IteratorAdapter", "get_data_adapter", "pad_batch", "padded_rows",
           "split_validation", "unpack_x_y_sample_weight"]
