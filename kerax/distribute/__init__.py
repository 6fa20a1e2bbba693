"""kerax.distribute: tf.distribute's spelling of data-parallel training (`with MirroredStrategy().scope():`),
on kerax.distribution and JAX's own runtime."""
from kerax.distribute import cluster_resolver, experimental
from kerax.distribute.input_context import InputContext
from kerax.distribute.mirrored_strategy import MirroredStrategy
from kerax.distribute.multi_worker_mirrored_strategy import MultiWorkerMirroredStrategy
from kerax.distribute.one_device_strategy import OneDeviceStrategy
from kerax.distribute.reduce_op import ReduceOp
from kerax.distribute.strategy import (
    Strategy, StrategyExtended, get_strategy, has_strategy, in_cross_replica_context,
)

__all__ = [
    "InputContext", "MirroredStrategy", "MultiWorkerMirroredStrategy", "OneDeviceStrategy", "ReduceOp",
    "Strategy", "StrategyExtended", "cluster_resolver", "experimental", "get_strategy", "has_strategy",
    "in_cross_replica_context",
]
