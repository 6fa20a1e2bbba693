"""Sequence (Keras 3's PyDataset): a dataset defined by indexing, `self[i]` being batch i.

Subclasses implement `__getitem__` and, for a finite dataset, `__len__`; `fit` calls `on_epoch_begin` and
`on_epoch_end` around each epoch. Older subclasses often skip `super().__init__()`, so the worker settings
have class-level defaults.
"""


class PyDataset:
    workers = 1
    use_multiprocessing = False
    max_queue_size = 10

    def __init__(self, workers=1, use_multiprocessing=False, max_queue_size=10):
        self.workers = workers
        self.use_multiprocessing = use_multiprocessing
        self.max_queue_size = max_queue_size

    def __getitem__(self, index):
        raise NotImplementedError(
            f"{type(self).__name__} must implement __getitem__(index), returning batch number `index`."
        )

    @property
    def num_batches(self):
        """len(self), or None for an endless dataset that defines no __len__."""
        return len(self) if hasattr(self, "__len__") else None

    def on_epoch_begin(self):
        pass

    def on_epoch_end(self):
        pass

    def __iter__(self):
        n, i = self.num_batches, 0
        while n is None or i < n:
            yield self[i]
            i += 1


Sequence = PyDataset
