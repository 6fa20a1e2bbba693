"""The padding mask of the batch being traced: the last, smaller batch of an epoch is padded to the full batch
size so one compiled step serves every batch. The trainer sets the mask (1 for real rows, 0 for padding); losses,
metrics and BatchNormalization's batch statistics weight the padded rows by zero."""
import threading

_state = threading.local()


def current_mask():
    return getattr(_state, "mask", None)


class BatchMask:
    def __init__(self, mask):
        self.mask = mask

    def __enter__(self):
        self._previous = current_mask()
        _state.mask = self.mask

    def __exit__(self, *exc):
        _state.mask = self._previous
