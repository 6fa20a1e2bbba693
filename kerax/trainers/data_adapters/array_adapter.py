"""In-memory arrays: placed on the device once per fit, then batches are gathered there by index arrays, so a
whole epoch runs without moving data from the host."""
import math

import numpy as np

from kerax.backend import host_data
from kerax import backend
from kerax.trainers.data_adapters import data_utils
from kerax import tree


class ArrayAdapter:
    is_resident = True

    def __init__(self, x, y=None, sample_weight=None, batch_size=None, steps=None, shuffle=False,
                 class_weight=None, seed=None, one_batch=False):
        self.x = data_utils.to_numeric_structure(x, "x")
        self.y = data_utils.to_numeric_structure(y, "y")
        n_x = data_utils.num_samples(self.x, "x")
        if self.y is not None:
            n_y = data_utils.num_samples(self.y, "y")
            if n_x != n_y:
                raise ValueError(
                    f"x and y must have the same number of samples: x has {n_x}, y has {n_y}. Make sure both "
                    "arrays describe the same examples."
                )
        if sample_weight is not None:
            sample_weight = host_data.to_host_array(sample_weight, "sample_weight").astype(backend.floatx())
            if len(sample_weight) != n_x:
                raise ValueError(f"sample_weight has {len(sample_weight)} entries but x has {n_x} samples.")
        if class_weight is not None:
            if self.y is None:
                raise ValueError("class_weight needs targets `y`.")
            weights = data_utils.class_weight_to_sample_weight(self.y, class_weight)
            sample_weight = weights if sample_weight is None else sample_weight * weights
        self.sample_weight = sample_weight
        self.num_samples = n_x
        if n_x == 0:
            raise ValueError("Expected at least one sample in x, received an empty array.")
        # The largest batch a streamed run may pad to: the batch size asked for (one batch: no limit).
        self._batch_limit = None if one_batch else int(batch_size or 32)
        self.batch_size = n_x if one_batch else min(int(batch_size or 32), n_x)
        self.steps = 1 if one_batch else int(steps) if steps else math.ceil(n_x / self.batch_size)
        self.shuffle = shuffle
        self._rng = np.random.default_rng(seed)
        self._device_data = None
        self._placed_with = None
        self.row_multiple = 1  # batches are padded to a multiple of this many rows (the devices sharing them)

    def device_data(self, layout=None):
        """The arrays on the device (laid out with `layout`, e.g. replicated over a mesh), placed once."""
        if self._device_data is None or self._placed_with != layout:
            host = (self.x, self.y, self.sample_weight)
            self._device_data = tree.map_structure(
                lambda a: None if a is None else backend.device_put(a, layout), host
            )
            self._placed_with = layout
        return self._device_data

    def epoch_indices(self):
        """[steps, rows] sample indices and a [steps, rows] mask (0 marks padding); rows is the batch size
        rounded up to a multiple of `row_multiple`."""
        indices, mask = self._batch_indices()
        extra = data_utils.padded_rows(self.batch_size, self.row_multiple) - self.batch_size
        if extra:
            indices = np.concatenate([indices, np.repeat(indices[:, :1], extra, axis=1)], axis=1)
            mask = np.concatenate([mask, np.zeros((self.steps, extra), mask.dtype)], axis=1)
        return indices, mask

    def _batch_indices(self):
        order = self._rng.permutation(self.num_samples) if self.shuffle else np.arange(self.num_samples)
        total = self.steps * self.batch_size
        if total > self.num_samples:
            reps = math.ceil(total / self.num_samples)
            order = np.concatenate([order] + [np.arange(self.num_samples)] * (reps - 1))
        mask = np.zeros(total, dtype=backend.floatx())
        covered = min(self.num_samples, total)
        mask[:covered] = 1.0
        shape = (self.steps, self.batch_size)
        return order[:total].astype(np.int32).reshape(shape), mask.reshape(shape)

    def batches(self):
        """Yields ((x, y, sample_weight), rows) host batches in epoch order, for streaming them instead (each
        process feeding its own data)."""
        indices, mask = self._batch_indices()
        host = (self.x, self.y, self.sample_weight)
        for step_indices, step_mask in zip(indices, mask):
            rows = int(step_mask.sum())
            if rows == 0:
                break
            yield tree.map_structure(lambda a: None if a is None else a[step_indices[:rows]], host), rows

    def padded_batch_size(self, size):
        """Streamed batches are compiled for a power of two rows up to the batch size (one batch: any power
        of two), so predicting on any number of samples compiles a few programs, not one per count."""
        bucket = 1 << (size - 1).bit_length()
        return bucket if self._batch_limit is None else min(self._batch_limit, bucket)

    def sample_batch(self):
        return tree.map_structure(lambda a: None if a is None else a[: self.batch_size], (self.x, self.y))
