"""tf.distribute's Strategy on top of kerax.distribution: a strategy holds a DataParallel distribution, and
its `scope()` makes that distribution current, so models built and compiled inside train data-parallel.

The compiled step sees one logical replica holding the global batch; XLA splits it over the devices. So
`strategy.run(fn, args)` calls `fn` once on the global values, and `reduce` returns a value that is already
global (the sum or mean over replicas of a custom loop's per-replica result, when that result was computed, as
tf.distribute asks, against the global batch size).
"""
import contextlib

from kerax import distribution as distribution_lib, ops
from kerax.distribute.input_context import InputContext

_stack = []


def get_strategy():
    """The strategy whose scope is active, else the default strategy (one device, no distribution)."""
    return _stack[-1] if _stack else _DEFAULT


def has_strategy():
    return bool(_stack)


def in_cross_replica_context():
    return True  # kerax code always runs on the global values


class Strategy:
    def __init__(self, distribution):
        self._distribution = distribution
        self.extended = StrategyExtended(self)

    @property
    def distribution(self):
        """The kerax.distribution.Distribution this strategy applies (None for the default strategy)."""
        return self._distribution

    @property
    def num_replicas_in_sync(self):
        return 1 if self._distribution is None else self._distribution.num_replicas

    @contextlib.contextmanager
    def scope(self):
        """Models created or compiled inside train with this strategy (also when `fit` is called outside)."""
        _stack.append(self)
        previous = distribution_lib.distribution()
        distribution_lib.set_distribution(self._distribution)
        try:
            yield self
        finally:
            distribution_lib.set_distribution(previous)
            _stack.pop()

    def experimental_distribute_dataset(self, dataset, options=None):
        """The dataset fit should read in this process: all of it on one machine (fit splits each batch over
        the devices), this process's shard with several processes."""
        if self._distribution is None:
            return dataset
        return self._distribution.distribute_dataset(dataset)

    def distribute_datasets_from_function(self, dataset_fn, options=None):
        process_id, processes = _process_info(self._distribution)
        return dataset_fn(InputContext(processes, process_id, self.num_replicas_in_sync))

    experimental_distribute_datasets_from_function = distribute_datasets_from_function

    def run(self, fn, args=(), kwargs=None, options=None):
        return fn(*args, **(kwargs or {}))

    def reduce(self, reduce_op, value, axis=None):
        """`value` is already global; with `axis`, it is summed or averaged along that axis."""
        if axis is None:
            return value
        op = str(getattr(reduce_op, "value", reduce_op)).upper()
        return ops.sum(value, axis=axis) if op == "SUM" else ops.mean(value, axis=axis)

    def experimental_local_results(self, value):
        return (value,)

    def __repr__(self):
        return f"<{type(self).__name__} num_replicas_in_sync={self.num_replicas_in_sync}>"


class StrategyExtended:
    """`strategy.extended`: where variables and computations live."""

    def __init__(self, strategy):
        self._strategy = strategy

    @property
    def worker_devices(self):
        distribution = self._strategy.distribution
        return ("cpu:0",) if distribution is None else tuple(distribution.device_mesh.devices.flat)

    parameter_devices = worker_devices

    @property
    def should_checkpoint(self):
        """Only the chief process (index 0) writes checkpoints."""
        return _process_info(self._strategy.distribution)[0] == 0

    should_save_summary = should_checkpoint


def _process_info(distribution):
    if distribution is None:
        return 0, 1
    return distribution.process_id, distribution.num_processes


_DEFAULT = Strategy(None)
