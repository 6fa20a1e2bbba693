"""shuffle(buffer_size): tf.data's buffer semantics. The first `buffer_size` elements fill a buffer; each
output is a uniformly chosen buffer entry, replaced by the next input. A buffer at least as large as the
dataset gives a uniform permutation. Over random-access data the same algorithm runs on row indices, so
batches are then gathered with one index array per batch."""
import itertools
import random

import numpy as np

from kerax.data import structure
from kerax.data.node import ELEMENT_CHUNK, Node


def buffer_shuffle(items, buffer_size, rng):
    buffer = []
    for item in items:
        if len(buffer) < buffer_size:
            buffer.append(item)
            continue
        slot = rng.randrange(buffer_size)
        yield buffer[slot]
        buffer[slot] = item
    rng.shuffle(buffer)
    yield from buffer


class Shuffle(Node):
    def __init__(self, child, buffer_size, seed, reshuffle_each_iteration):
        if buffer_size is None or int(buffer_size) < 1:
            raise ValueError(f"shuffle() buffer_size must be a positive integer, got {buffer_size}.")
        self.child, self.buffer_size = child, int(buffer_size)
        # Without a seed, draw one from NumPy's global generator, which utils.set_random_seed seeds.
        self.seed = int(np.random.randint(2**31 - 1)) if seed is None else int(seed)
        self.reshuffle = reshuffle_each_iteration is None or bool(reshuffle_each_iteration)
        self.passes = 0

    def _next_rng(self):
        """The generator for one pass: a new order each pass, the sequence of orders fixed by the seed."""
        rng = np.random.default_rng([self.seed, self.passes if self.reshuffle else 0])
        self.passes += 1
        return rng

    def iterate(self):
        gatherer = self.child.gatherer()
        if gatherer is not None:
            return structure.split_all(self._gathered(gatherer, ELEMENT_CHUNK))
        return self._buffered()

    def _buffered(self):
        rng = random.Random(int(self._next_rng().integers(2**63)))
        return buffer_shuffle(self.child.iterate(), self.buffer_size, rng)

    def chunks(self, size):
        gatherer = self.child.gatherer()
        return None if gatherer is None else self._gathered(gatherer, size)

    def _gathered(self, gatherer, size):
        rng = self._next_rng()
        n = gatherer.size
        if self.buffer_size >= n:
            order = rng.permutation(n)
            for start in range(0, n, size):
                yield gatherer.gather(order[start:start + size])
            return
        # Streamed, so that a small buffer over a huge range costs only what is read.
        stream = buffer_shuffle(range(n), self.buffer_size, random.Random(int(rng.integers(2**63))))
        while True:
            index = np.fromiter(itertools.islice(stream, size), dtype=np.int64)
            if index.size == 0:
                return
            yield gatherer.gather(index)

    def cardinality(self):
        return self.child.cardinality()

    def spec(self):
        return self.child.spec()
