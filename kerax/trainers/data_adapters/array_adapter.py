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

    def device_data(self):
        if self._device_data is None:
            host = (self.x, self.y, self.sample_weight)
            self._device_data = tree.map_structure(
                lambda a: None if a is None else backend.device_put(a), host
            )
        return self._device_data

    def epoch_indices(self):
        """[steps, batch_size] sample indices and a [steps, batch_size] mask (0 marks padding)."""
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
        """Yields ((x, y, sample_weight), size) host batches in order, for streaming (predict)."""
        host = (self.x, self.y, self.sample_weight)
        for start in range(0, self.num_samples, self.batch_size)[: self.steps]:
            stop = min(start + self.batch_size, self.num_samples)
            yield tree.map_structure(lambda a: None if a is None else a[start:stop], host), stop - start

    def padded_batch_size(self, size):
        """Streamed batches are compiled for a power of two rows up to the batch size (one batch: any power
        of two), so predicting on any number of samples compiles a few programs, not one per count."""
        bucket = 1 << (size - 1).bit_length()
        return bucket if self._batch_limit is None else min(self._batch_limit, bucket)

    def sample_batch(self):
        return tree.map_structure(lambda a: None if a is None else a[: self.batch_size], (self.x, self.y))
