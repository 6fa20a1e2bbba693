"""timeseries_dataset_from_array: sliding windows over an array, gathered a whole batch at a time by fancy
indexing (the windows are never all built in memory)."""
import numpy as np

from kerax.data import Dataset
from kerax.data.node import Gatherer, Node


def timeseries_dataset_from_array(data, targets, sequence_length, sequence_stride=1, sampling_rate=1,
                                  batch_size=128, shuffle=False, seed=None, start_index=None, end_index=None,
                                  format="tf"):
    """Window i holds data[s + j * sampling_rate] for j < sequence_length, with s its start position; its
    target is targets[s]. Start positions step by `sequence_stride` from `start_index`."""
    _check_indices(data, start_index, end_index)
    for name, value in (("sampling_rate", sampling_rate), ("sequence_stride", sequence_stride)):
        if value <= 0:
            raise ValueError(f"`{name}` must be higher than 0. Received: {name}={value}")
        if value >= len(data):
            raise ValueError(
                f"`{name}` must be lower than the length of the data. Received: {name}={value}, for data of "
                f"length {len(data)}"
            )
    if format not in ("tf", "grain"):
        raise ValueError(f'`format` should be either "tf" or "grain". Received: format={format}')
    start_index = start_index or 0
    end_index = end_index or len(data)
    num_seqs = end_index - start_index - (sequence_length - 1) * sampling_rate
    if targets is not None:
        num_seqs = min(num_seqs, len(targets))
    starts = np.arange(0, max(num_seqs, 0), sequence_stride, dtype="int64")
    if shuffle:
        seed = np.random.randint(1e6) if seed is None else seed
        np.random.RandomState(seed).shuffle(starts)
    steps = np.arange(sequence_length) * sampling_rate
    data = np.asarray(data)[start_index:end_index]
    targets = None if targets is None else np.asarray(targets)[start_index:end_index]
    ds = Dataset(Windows(data, targets, starts, steps))
    if shuffle:  # and, as Keras does, a local reshuffle each epoch on top of the seeded order
        ds = ds.shuffle(1024 if batch_size is None else batch_size * 8, seed=seed)
    return ds if batch_size is None else ds.batch(batch_size)


def _check_indices(data, start_index, end_index):
    if start_index:
        if start_index < 0:
            raise ValueError(f"`start_index` must be 0 or greater. Received: start_index={start_index}")
        if start_index >= len(data):
            raise ValueError(
                "`start_index` must be lower than the length of the data. Received: "
                f"start_index={start_index}, for data of length {len(data)}"
            )
    if end_index:
        if start_index and end_index <= start_index:
            raise ValueError(
                "`end_index` must be higher than `start_index`. Received: "
                f"start_index={start_index}, and end_index={end_index} "
            )
        if end_index >= len(data):
            raise ValueError(
                "`end_index` must be lower than the length of the data. Received: "
                f"end_index={end_index}, for data of length {len(data)}"
            )
        if end_index <= 0:
            raise ValueError(f"`end_index` must be higher than 0. Received: end_index={end_index}")


class Windows(Node):
    """Random access to the windows: rows `index` of the start positions, gathered in one indexing."""

    def __init__(self, data, targets, starts, steps):
        self.data, self.targets, self.starts, self.steps = data, targets, starts, steps

    def gatherer(self):
        def gather(index):
            starts = self.starts[index]
            windows = self.data[starts[:, None] + self.steps]
            return windows if self.targets is None else (windows, self.targets[starts])

        return Gatherer(len(self.starts), gather)

    def cardinality(self):
        return len(self.starts)
