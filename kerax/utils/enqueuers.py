"""tf.keras's enqueuers, for custom loops that read a `Sequence` or a generator in the background:
`enqueuer.start(workers, max_queue_size)`, then `for batch in enqueuer.get(): ...`, then `enqueuer.stop()`.
They use the same loaders as `fit(workers=...)` (trainers/data_adapters/parallel_loading.py)."""
import random

from kerax.trainers.data_adapters import parallel_loading


class SequenceEnqueuer:
    """Base of the enqueuers: the settings and the running state."""

    def __init__(self, sequence, use_multiprocessing=False):
        self.sequence = sequence
        self.use_multiprocessing = use_multiprocessing
        self.workers, self.max_queue_size = 1, 10
        self._running = False

    def start(self, workers=1, max_queue_size=10):
        self.workers, self.max_queue_size = max(1, workers), max(1, max_queue_size)
        self._running = True

    def is_running(self):
        return self._running

    def stop(self, timeout=None):
        self._running = False

    def get(self):
        raise NotImplementedError(f"{type(self).__name__} must implement get().")

    def _check_started(self):
        if not self._running:
            raise RuntimeError(f"Call {type(self).__name__}.start(workers, max_queue_size) before get().")


class OrderedEnqueuer(SequenceEnqueuer):
    """Yields the batches of a `Sequence` in order (shuffled per epoch with `shuffle=True`), epoch after epoch
    until `stop()`, calling the sequence's `on_epoch_end()` between epochs."""

    def __init__(self, sequence, use_multiprocessing=False, shuffle=False):
        super().__init__(sequence, use_multiprocessing)
        self.shuffle = shuffle

    def get(self):
        self._check_started()
        while self._running:
            indices = list(range(len(self.sequence)))
            if self.shuffle:
                random.shuffle(indices)
            batches = parallel_loading.indexed_in_order(self.sequence, indices, self.workers,
                                                        self.use_multiprocessing, self.max_queue_size)
            for batch in batches:
                if not self._running:
                    batches.close()
                    return
                yield batch
            self.sequence.on_epoch_end()


class GeneratorEnqueuer(SequenceEnqueuer):
    """Yields the items of a generator, read ahead by a background thread (a generator has one reader, so
    `workers` does not multiply it). `random_seed` is accepted for tf.keras's signature."""

    def __init__(self, generator, use_multiprocessing=False, random_seed=None):
        super().__init__(generator, use_multiprocessing)
        self.random_seed = random_seed

    def get(self):
        self._check_started()
        for item in parallel_loading.read_ahead(self.sequence, self.max_queue_size):
            if not self._running:
                return
            yield item
