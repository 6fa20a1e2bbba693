"""The Distribution base class and the current distribution (`set_distribution`, `distribution`, `scope()`).

A distribution says where the data and the variables of a model live: fit/evaluate/predict split every batch
over the mesh axis `batch_dim_name` and keep each variable with `get_variable_layout(variable)`.
"""
import contextlib

from kerax import backend, tree
from kerax.distribution.tensor_layout import TensorLayout

_current = [None]


def distribution():
    """The current distribution (set with `set_distribution` or a `scope()`), or None."""
    return _current[0]


def set_distribution(value):
    if value is not None and not isinstance(value, Distribution):
        raise ValueError(f"set_distribution() expects a Distribution (e.g. DataParallel()) or None, received "
                         f"{value!r}.")
    _current[0] = value


class Distribution:
    def __init__(self, device_mesh, batch_dim_name=None, auto_shard_dataset=True):
        self._device_mesh = device_mesh
        self._batch_dim_name = batch_dim_name or device_mesh.axis_names[0]
        if self._batch_dim_name not in device_mesh.axis_names:
            raise ValueError(f"batch_dim_name {self._batch_dim_name!r} is not an axis of the mesh "
                             f"{device_mesh.axis_names}.")
        self.auto_shard_dataset = auto_shard_dataset
        self._process_id, self._num_process = backend.process_info()

    @property
    def device_mesh(self):
        return self._device_mesh

    @property
    def batch_dim_name(self):
        return self._batch_dim_name

    @property
    def process_id(self):
        return self._process_id

    @property
    def num_processes(self):
        return self._num_process

    @property
    def num_replicas(self):
        """How many parts each batch is split into."""
        return self._device_mesh.axis_size(self._batch_dim_name)

    def get_data_layout(self, data_shape):
        return TensorLayout([self._batch_dim_name] + [None] * (len(data_shape) - 1), self._device_mesh)

    def get_variable_layout(self, variable):
        raise NotImplementedError(f"{type(self).__name__} must define get_variable_layout(variable).")

    def get_tensor_layout(self, path):
        return None

    def distribute_dataset(self, dataset):
        """This process's share of a dataset of global batches: with several processes, process i keeps the
        i-th part of the rows of every batch (as tf.distribute splits a global batch between workers)."""
        if self._num_process == 1 or not self.auto_shard_dataset:
            return dataset
        if not hasattr(dataset, "map"):
            raise ValueError(f"Only datasets (with a `map` method) can be split between processes; received "
                             f"{type(dataset).__name__}. Give each process its own data instead.")
        index, count = self._process_id, self._num_process

        def share(*batch):
            def rows(a):
                size = len(a)
                return a[index * size // count:(index + 1) * size // count]
            return tree.map_structure(rows, batch if len(batch) > 1 else batch[0])

        return dataset.map(share)

    @contextlib.contextmanager
    def scope(self):
        """Makes this the current distribution inside the `with` block."""
        previous = distribution()
        set_distribution(self)
        try:
            yield
        finally:
            set_distribution(previous)

    def __repr__(self):
        return f"<{type(self).__name__} device_mesh={self.device_mesh}>"
