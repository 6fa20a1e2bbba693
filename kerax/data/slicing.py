"""take, skip and repeat: steps that count elements, keeping the fast paths of the step below."""
import itertools

from kerax.data import structure
from kerax.data.node import INFINITE_CARDINALITY, UNKNOWN_CARDINALITY, Gatherer, Node


class Take(Node):
    """The first `count` elements; a negative count takes them all."""

    def __init__(self, child, count):
        self.child, self.count = child, int(count)

    def iterate(self):
        elements = self.child.iterate()
        return elements if self.count < 0 else itertools.islice(elements, self.count)

    def chunks(self, size):
        chunks = self.child.chunks(size)
        return chunks if chunks is None or self.count < 0 else self._truncated(chunks)

    def _truncated(self, chunks):
        left = self.count
        for chunk in chunks:
            if left <= 0:
                return
            n = structure.rows(chunk)
            yield chunk if n <= left else structure.take_rows(chunk, slice(0, left))
            left -= n

    def gatherer(self):
        gatherer = self.child.gatherer()
        if gatherer is None or self.count < 0:
            return gatherer
        return Gatherer(min(self.count, gatherer.size), gatherer.gather)

    def cardinality(self):
        n = self.child.cardinality()
        if self.count < 0:
            return n
        if n == INFINITE_CARDINALITY:
            return self.count
        return n if n == UNKNOWN_CARDINALITY else min(n, self.count)

    def spec(self):
        return self.child.spec()


class Skip(Node):
    """All but the first `count` elements; a negative count skips them all."""

    def __init__(self, child, count):
        self.child, self.count = child, int(count)

    def iterate(self):
        if self.count < 0:
            return iter(())
        return itertools.islice(self.child.iterate(), self.count, None)

    def chunks(self, size):
        chunks = self.child.chunks(size)
        return chunks if chunks is None else self._skipped(chunks)

    def _skipped(self, chunks):
        if self.count < 0:
            return
        left = self.count
        for chunk in chunks:
            n = structure.rows(chunk)
            if left >= n:
                left -= n
                continue
            yield chunk if left == 0 else structure.take_rows(chunk, slice(left, n))
            left = 0

    def gatherer(self):
        gatherer = self.child.gatherer()
        if gatherer is None:
            return None
        skipped = gatherer.size if self.count < 0 else min(self.count, gatherer.size)
        size = gatherer.size - skipped
        return Gatherer(size, lambda index: gatherer.gather(structure.offset(index, size, skipped)))

    def cardinality(self):
        n = self.child.cardinality()
        if n < 0:
            return n if self.count >= 0 or n == UNKNOWN_CARDINALITY else 0
        return 0 if self.count < 0 else max(0, n - self.count)

    def spec(self):
        return self.child.spec()


class Repeat(Node):
    """`count` passes over the child (forever when None or negative); each pass starts the child afresh, so
    shuffling below a repeat gives a new order every pass."""

    def __init__(self, child, count):
        self.child = child
        self.count = -1 if count is None else int(count)

    def _passes(self, start):
        if self.count == 0:
            return iter(())
        first = start()
        return None if first is None else self._chained(first, start)

    def _chained(self, current, start):
        done = 0
        while True:
            produced = False
            for item in current:
                produced = True
                yield item
            done += 1
            # An empty pass ends even an endless repeat, which would otherwise spin forever.
            if not produced or done == self.count:
                return
            current = start()

    def iterate(self):
        return self._passes(self.child.iterate)

    def chunks(self, size):
        return self._passes(lambda: self.child.chunks(size))

    def cardinality(self):
        n = self.child.cardinality()
        if self.count < 0:
            return 0 if n == 0 else INFINITE_CARDINALITY
        if self.count == 0:
            return 0
        return n if n < 0 else n * self.count

    def spec(self):
        return self.child.spec()
