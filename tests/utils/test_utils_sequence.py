import numpy as np
import pytest

from kerax import utils


class Squares(utils.Sequence):
    def __init__(self, n, batch_size):
        # Like many older subclasses, this skips super().__init__().
        self.x = np.arange(n)
        self.batch_size = batch_size
        self.epochs_ended = 0

    def __len__(self):
        return -(-len(self.x) // self.batch_size)

    def __getitem__(self, index):
        batch = self.x[index * self.batch_size:(index + 1) * self.batch_size]
        return batch, batch**2

    def on_epoch_end(self):
        self.epochs_ended += 1


def test_sequence_is_pydataset_and_indexes_batches():
    assert utils.Sequence is utils.PyDataset
    seq = Squares(10, 4)
    assert len(seq) == 3 and seq.num_batches == 3
    x, y = seq[2]
    np.testing.assert_array_equal(y, np.array([8, 9]) ** 2)
    assert [len(b[0]) for b in seq] == [4, 4, 2]
    seq.on_epoch_end()
    assert seq.epochs_ended == 1
    assert seq.workers == 1 and seq.use_multiprocessing is False and seq.max_queue_size == 10


def test_pydataset_arguments_and_endless_datasets():
    class Endless(utils.PyDataset):
        def __getitem__(self, index):
            return np.array([index])

    endless = Endless(workers=2, max_queue_size=3)
    assert endless.workers == 2 and endless.max_queue_size == 3 and endless.num_batches is None
    it = iter(endless)
    assert [int(next(it)[0]) for _ in range(5)] == [0, 1, 2, 3, 4]


def test_missing_getitem_says_what_to_implement():
    class Empty(utils.PyDataset):
        pass

    with pytest.raises(NotImplementedError, match="Empty must implement __getitem__"):
        Empty()[0]
