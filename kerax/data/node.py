"""The pipeline step behind each Dataset, and the protocol that gives batching its fast path.

A node always yields elements (`iterate`). It may also yield chunks (`chunks(size)`: runs of consecutive
elements already stacked, ideally `size` rows each), and, when its elements sit in memory in a fixed order, it
may offer random access (`gatherer()`), which is what shuffling and batching use to index arrays in bulk.
`chunks` and `gatherer` return None when a node cannot provide them; `Batch` then stacks element by element.
"""
import collections

from kerax.data import structure
from kerax.data.tensor_spec import spec_of

INFINITE_CARDINALITY = -1
UNKNOWN_CARDINALITY = -2
ELEMENT_CHUNK = 256  # rows gathered at a time when a random-access node is iterated element by element

# `size` rows, read with `gather(index)` where index is a slice or an integer array; returns a chunk.
Gatherer = collections.namedtuple("Gatherer", ["size", "gather"])


class Node:
    def iterate(self):
        """An iterator of elements; random-access nodes get this from their gatherer."""
        return structure.split_all(self.chunks(ELEMENT_CHUNK))

    def chunks(self, size):
        gatherer = self.gatherer()
        return None if gatherer is None else gather_in_order(gatherer, size)

    def gatherer(self):
        return None

    def cardinality(self):
        return UNKNOWN_CARDINALITY

    def spec(self):
        """Element spec, found by running the pipeline to its first element when it cannot be known before."""
        for element in self.iterate():
            return spec_of(element)
        raise ValueError("The element spec of an empty dataset is unknown.")


def gather_in_order(gatherer, size):
    for start in range(0, gatherer.size, size):
        yield gatherer.gather(slice(start, min(start + size, gatherer.size)))


class Count(int):
    """A cardinality: an int that also answers `.numpy()`, as the tensor tf.data returns does."""

    def numpy(self):
        return int(self)
