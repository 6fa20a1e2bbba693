"""Datasets, generators, Sequences and other iterables: batches come from the host, are padded to one batch
size (a mask marks the padding) and stacked so several steps run in one device call."""
import numpy as np

from kerax.backend import host_data
from kerax.trainers.data_adapters import data_utils, parallel_loading
from kerax import tree


class IteratorAdapter:
    is_resident = False

    def __init__(self, source, steps=None, class_weight=None, workers=1, use_multiprocessing=False,
                 max_queue_size=10, x_transform=None):
        self.source = source
        self.x_transform = x_transform
        self.class_weight = class_weight
        self.row_multiple = 1  # batches are padded to a multiple of this many rows (the devices sharing them)
        self.steps = steps if steps else _known_length(source)
        # A PyDataset's own settings apply unless fit() was given others (fit's arguments are tf.keras's).
        self.workers = workers if workers != 1 else getattr(source, "workers", 1) or 1
        self.use_multiprocessing = use_multiprocessing or getattr(source, "use_multiprocessing", False)
        self.max_queue_size = max(1, max_queue_size if max_queue_size != 10 else
                                  getattr(source, "max_queue_size", 10) or 10)
        self._is_indexed = hasattr(source, "__getitem__") and hasattr(source, "__len__") and hasattr(
            source, "on_epoch_end")
        # A generator is one stream shared by every epoch: with workers, one thread reads it ahead for the
        # whole of fit.
        self._stream = source if hasattr(source, "__next__") else None
        if self._stream is not None and self.workers > 1:
            self._stream = parallel_loading.read_ahead(source, self.max_queue_size)

    def _iterate_once(self):
        source = self.source
        if self._is_indexed:
            indices = range(len(source))
            if self.workers > 1 or self.use_multiprocessing:
                return parallel_loading.indexed_in_order(source, indices, self.workers, self.use_multiprocessing,
                                                         self.max_queue_size)
            return (source[i] for i in indices)
        if self._stream is not None:
            return self._stream
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
        if iterator is not self._stream and hasattr(iterator, "close"):
            iterator.close()  # stops background loaders of an epoch cut short by `steps`
        if hasattr(self.source, "on_epoch_end"):
            self.source.on_epoch_end()

    def _standardize(self, data):
        x, y, sw = data_utils.unpack_x_y_sample_weight(data)
        if self.x_transform is not None:
            x = self.x_transform(x)
        x = data_utils.to_numeric_structure(x, "x")
        y = data_utils.to_numeric_structure(y, "y")
        if sw is not None:
            sw = host_data.to_host_array(sw, "sample_weight")
        if self.class_weight is not None and y is not None:
            weights = data_utils.class_weight_to_sample_weight(y, self.class_weight)
            sw = weights if sw is None else sw * weights
        return (x, y, sw), data_utils.num_samples((x, y, sw), "a batch")


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
