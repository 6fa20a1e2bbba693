"""MultiWorkerMirroredStrategy: data parallelism over the devices of several processes (machines), on JAX's
own distributed runtime (`jax.distributed`), configured from TF_CONFIG."""
from kerax import backend
from kerax import distribution as distribution_lib
from kerax.distribute.cluster_resolver import TFConfigClusterResolver
from kerax.distribute.strategy import Strategy


class MultiWorkerMirroredStrategy(Strategy):
    """Create it first thing in every process (before any other kerax computation): it starts the distributed
    runtime with the cluster of TF_CONFIG (or `cluster_resolver`). Each process then feeds its own share of
    every global batch (e.g. `strategy.experimental_distribute_dataset(dataset)`), and only the chief
    (`strategy.extended.should_checkpoint`) should write checkpoints; ModelCheckpoint does so by itself.
    `communication_options=CommunicationOptions(timeout_seconds=...)` bounds how long the others wait for a
    process that died."""

    def __init__(self, cluster_resolver=None, communication_options=None):
        self.cluster_resolver = cluster_resolver or TFConfigClusterResolver()
        resolver = self.cluster_resolver
        if resolver.num_processes > 1 and not _runtime_running(resolver):
            _start_runtime(resolver, getattr(communication_options, "timeout_seconds", None))
        super().__init__(distribution_lib.DataParallel())


def _runtime_running(resolver):
    """Already started, e.g. by kerax.distribution.initialize() or an earlier strategy."""
    return backend.engine_started() and backend.process_info()[1] == resolver.num_processes


def _start_runtime(resolver, timeout_seconds):
    if backend.engine_started():
        raise RuntimeError(
            "MultiWorkerMirroredStrategy must be created before any other kerax computation in this process: "
            "JAX's distributed runtime can only start before the engine does. Create the strategy first."
        )
    # A process that stops answering for `timeout_seconds` (default 100) makes the others fail.
    backend.initialize_distributed(resolver.coordinator_address, resolver.num_processes, resolver.process_id,
                                   heartbeat_timeout_seconds=timeout_seconds or 100)
