"""Datasets, generators, Sequences and other iterables: batches come from the host, are padded to one batch
size (a mask marks the padding) and stacked so several steps run in one device call."""
import numpy as np

from kerax.trainers.data_adapters import data_utils
from kerax import tree


class IteratorAdapter:
    is_resident = False

    def __init__(self, source, steps=None, class_weight=None):
        self.source = source
        self.class_weight = class_weight
        self.steps = steps if steps else _known_length(source)
        self._generator_iterator = None
        self.batch_size = None

    def _iterate_once(self):
        source = self.source
        if hasattr(source, "__getitem__") and hasattr(source, "__len__") and hasattr(source, "on_epoch_end"):
            return (source[i] for i in range(len(source)))
        if hasattr(source, "__next__"):  # a Python generator: one stream shared by every epoch
            return source
        return iter(source)

    def batches(self):
        """Yields (x, y, sample_weight) NumPy batches for one epoch (up to `steps` of them)."""
        iterator = self._iterate_once()
        count = 0
        while self.steps is None or count < self.steps:
            try:
                data = next(iterator)
            except StopIteration:
                if self.steps is not None and count == 0:
                    raise ValueError(
                        "The data ran out before the first step of the epoch. A generator or a dataset without "
                        "`.repeat()` is consumed by the first epoch: use `.repeat()`, a `Sequence`, or fewer "
                        "`steps_per_epoch`."
                    ) from None
                break
            yield self._standardize(data)
            count += 1
        if hasattr(self.source, "on_epoch_end"):
            self.source.on_epoch_end()

    def _standardize(self, data):
        x, y, sw = data_utils.unpack_x_y_sample_weight(data)
        x = data_utils.to_numeric_structure(x, "x")
        y = data_utils.to_numeric_structure(y, "y")
        if sw is not None:
            sw = data_utils.to_numeric_array(sw, "sample_weight")
        if self.class_weight is not None and y is not None:
            weights = data_utils.class_weight_to_sample_weight(y, self.class_weight)
            sw = weights if sw is None else sw * weights
        size = data_utils.num_samples((x, y, sw), "a batch")
        if self.batch_size is None:
            self.batch_size = size
        return (x, y, sw), size


def pad_batch(batch, size, target):
    """Pads every leaf to `target` rows (repeating the first row) and returns the batch and its mask."""
    mask = np.zeros(target, dtype="float32")
    mask[:size] = 1.0
    if size == target:
        return batch, mask

    def pad(a):
        if a is None:
            return None
        filler = np.repeat(a[:1], target - size, axis=0)
        return np.concatenate([a, filler], axis=0)

    return tree.map_structure(pad, batch), mask


def _known_length(source):
    cardinality = getattr(source, "cardinality", None)
    if callable(cardinality):
        n = int(cardinality())
        return n if n >= 0 else None
    if hasattr(source, "__len__") and not hasattr(source, "__next__"):
        try:
            return len(source)
        except TypeError:
            return None
    return None
