"""tf.keras's `TimeseriesGenerator`: batches of windows over a time series, as a `Sequence` for `fit`."""
import json

import numpy as np

from kerax.trainers.data_adapters.py_dataset import PyDataset


def _to_json(values, what):
    values = values.tolist() if isinstance(values, np.ndarray) else values
    try:
        return json.dumps(values)
    except TypeError as e:
        raise TypeError(f"{what} not JSON Serializable: {values}") from e


class TimeseriesGenerator(PyDataset):
    """Sample i of a batch is `data[row - length:row:sampling_rate]` with target `targets[row]`, for rows
    `start_index + length, ... end_index` taken every `stride` steps (or drawn at random with `shuffle`);
    `reverse=True` puts each window's timesteps in reverse order."""

    def __init__(self, data, targets, length, sampling_rate=1, stride=1, start_index=0, end_index=None,
                 shuffle=False, reverse=False, batch_size=128):
        super().__init__()
        if len(data) != len(targets):
            raise ValueError(f"Data and targets have to be of same length. Data length is {len(data)} while "
                             f"target length is {len(targets)}")
        self.data, self.targets = data, targets
        self.length, self.sampling_rate, self.stride = length, sampling_rate, stride
        self.start_index = start_index + length
        self.end_index = len(data) - 1 if end_index is None else end_index
        self.shuffle, self.reverse, self.batch_size = shuffle, reverse, batch_size
        if self.start_index > self.end_index:
            raise ValueError(f"`start_index+length={self.start_index} > end_index={self.end_index}` is "
                             "disallowed, as no part of the sequence would be left to be used as current "
                             "step.")

    def __len__(self):
        span = self.batch_size * self.stride
        return (self.end_index - self.start_index + span) // span

    def __getitem__(self, index):
        if self.shuffle:
            rows = np.random.randint(self.start_index, self.end_index + 1, size=self.batch_size)
        else:
            first = self.start_index + self.batch_size * self.stride * index
            last = min(first + self.batch_size * self.stride, self.end_index + 1)
            rows = np.arange(first, last, self.stride)
        samples = np.array([self.data[row - self.length:row:self.sampling_rate] for row in rows])
        targets = np.array([self.targets[row] for row in rows])
        return (samples[:, ::-1, ...] if self.reverse else samples), targets

    def get_config(self):
        """tf.keras's config: data and targets as JSON strings; `start_index` already includes `length`."""
        return {
            "data": _to_json(self.data, "Data"), "targets": _to_json(self.targets, "Targets"),
            "length": self.length, "sampling_rate": self.sampling_rate, "stride": self.stride,
            "start_index": self.start_index, "end_index": self.end_index, "shuffle": self.shuffle,
            "reverse": self.reverse, "batch_size": self.batch_size,
        }

    def to_json(self, **kwargs):
        return json.dumps({"class_name": type(self).__name__, "config": self.get_config()}, **kwargs)
