"""tf.keras's to_ordinal and enqueuers."""
import numpy as np
import pytest

import kerax


def test_to_ordinal_matches_the_documented_example():
    expected = [[0, 0, 0], [1, 0, 0], [1, 1, 0], [1, 1, 1]]
    np.testing.assert_array_equal(kerax.utils.to_ordinal([0, 1, 2, 3], num_classes=4), expected)
    with pytest.raises(ValueError, match=r"labels in \[0, 3\)"):
        kerax.utils.to_ordinal([3], num_classes=3)


class Numbers(kerax.utils.Sequence):
    def __init__(self):
        self.epochs_ended = 0

    def __len__(self):
        return 4

    def __getitem__(self, index):
        return np.array([index])

    def on_epoch_end(self):
        self.epochs_ended += 1


@pytest.mark.parametrize("use_multiprocessing", [False, True])
def test_ordered_enqueuer_yields_in_order_epoch_after_epoch(use_multiprocessing):
    sequence = Numbers()
    enqueuer = kerax.utils.OrderedEnqueuer(sequence, use_multiprocessing=use_multiprocessing)
    with pytest.raises(RuntimeError, match="start"):
        next(enqueuer.get())
    enqueuer.start(workers=2, max_queue_size=3)
    stream = enqueuer.get()
    assert [int(next(stream)[0]) for _ in range(6)] == [0, 1, 2, 3, 0, 1]
    assert sequence.epochs_ended == 1 and enqueuer.is_running()
    enqueuer.stop()
    assert not enqueuer.is_running()


def test_generator_enqueuer_reads_the_generator():
    enqueuer = kerax.utils.GeneratorEnqueuer((i * i for i in range(5)))
    enqueuer.start(workers=1, max_queue_size=2)
    assert list(enqueuer.get()) == [0, 1, 4, 9, 16]
