"""zip, concatenate and enumerate: steps over several pipelines, keeping their fast paths."""
import numpy as np

from kerax.data import structure
from kerax.data.batching import rebatch
from kerax.data.node import INFINITE_CARDINALITY, UNKNOWN_CARDINALITY, Gatherer, Node
from kerax.data.tensor_spec import TensorSpec
from kerax import tree

_END = object()


class Zip(Node):
    """Elements of several pipelines side by side, in the nested structure the pipelines were given in."""

    def __init__(self, layout, children):
        self.layout, self.children = layout, children

    def iterate(self):
        iterators = [child.iterate() for child in self.children]
        rebuild = structure.packer(self.layout)
        while True:
            items = []
            for it in iterators:
                item = next(it, _END)
                if item is _END:
                    return
                items.append(item)
            yield rebuild(items)

    def chunks(self, size):
        streams = [child.chunks(size) for child in self.children]
        if any(stream is None for stream in streams):
            return None
        return self._aligned([rebatch(stream, size, False) for stream in streams], size)

    def _aligned(self, streams, size):
        for parts in zip(*streams):
            n = min(structure.rows(part) for part in parts)
            parts = [p if structure.rows(p) == n else structure.take_rows(p, slice(0, n)) for p in parts]
            yield structure.pack(self.layout, parts)
            if n < size:  # the shortest pipeline has ended
                return

    def gatherer(self):
        gatherers = [child.gatherer() for child in self.children]
        if any(g is None for g in gatherers):
            return None
        return Gatherer(
            min(g.size for g in gatherers),
            lambda index: structure.pack(self.layout, [g.gather(index) for g in gatherers]),
        )

    def cardinality(self):
        counts = [child.cardinality() for child in self.children]
        if UNKNOWN_CARDINALITY in counts:
            return UNKNOWN_CARDINALITY
        finite = [n for n in counts if n != INFINITE_CARDINALITY]
        return min(finite) if finite else INFINITE_CARDINALITY

    def spec(self):
        return structure.pack(self.layout, [child.spec() for child in self.children])


class Concatenate(Node):
    def __init__(self, first, second):
        self.first, self.second = first, second

    def iterate(self):
        yield from self.first.iterate()
        yield from self.second.iterate()

    def chunks(self, size):
        first, second = self.first.chunks(size), self.second.chunks(size)
        if first is None or second is None:
            return None
        return _chain(first, second)

    def cardinality(self):
        counts = (self.first.cardinality(), self.second.cardinality())
        if INFINITE_CARDINALITY in counts:
            return INFINITE_CARDINALITY
        return UNKNOWN_CARDINALITY if UNKNOWN_CARDINALITY in counts else sum(counts)

    def spec(self):
        first, second = self.first.spec(), self.second.spec()
        return tree.map_structure(lambda a, b: a.most_specific_common(b), first, second)


def _chain(first, second):
    yield from first
    yield from second


class Enumerate(Node):
    """(index, element) pairs, the index an int64 counting from `start`."""

    def __init__(self, child, start):
        self.child, self.start = child, int(start)

    def iterate(self):
        for i, element in enumerate(self.child.iterate(), self.start):
            yield np.asarray(i, dtype=np.int64), element

    def chunks(self, size):
        chunks = self.child.chunks(size)
        return None if chunks is None else self._counted(chunks)

    def _counted(self, chunks):
        count = self.start
        for chunk in chunks:
            n = structure.rows(chunk)
            yield np.arange(count, count + n, dtype=np.int64), chunk
            count += n

    def gatherer(self):
        gatherer = self.child.gatherer()
        if gatherer is None:
            return None

        def gather(index):
            counts = self.start + structure.positions(index, gatherer.size).astype(np.int64)
            return counts, gatherer.gather(index)

        return Gatherer(gatherer.size, gather)

    def cardinality(self):
        return self.child.cardinality()

    def spec(self):
        return TensorSpec((), "int64"), self.child.spec()
