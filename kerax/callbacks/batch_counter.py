"""Counting batches when one hook call may cover a group of steps (see the Callback docstring)."""


class BatchCounter:
    def __init__(self):
        self.total = 0  # batches seen since training began
        self._next_in_epoch = 0

    def start_epoch(self):
        self._next_in_epoch = 0

    def advance(self, last_batch):
        """Records that batches up to `last_batch` (index in the epoch) ran; returns how many are new."""
        new = last_batch + 1 - self._next_in_epoch
        self._next_in_epoch = last_batch + 1
        self.total += new
        return new
