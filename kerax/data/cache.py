"""cache(): the first complete pass is recorded and later passes replay it.

In memory, recorded elements of one shape are stacked into arrays, so later passes shuffle and batch as fast
as from_tensor_slices. With a filename, elements are pickled to that file as they pass; a later pass, or a
later program, reads the file back. A pass that stops early records nothing, as in tf.data.
"""
import os
import pickle

from kerax.data import structure
from kerax.data.node import ELEMENT_CHUNK, Gatherer, Node, gather_in_order
from kerax import tree


class Cache(Node):
    def __init__(self, child, filename):
        self.child, self.filename = child, os.fspath(filename)
        self.stored = None  # after a complete pass: one chunk holding every row, or a list of elements

    def gatherer(self):
        if self.filename or isinstance(self.stored, list):
            return None
        if self.stored is None:  # data that is random-access is already in memory: nothing to record
            return self.child.gatherer()
        stored = self.stored
        return Gatherer(structure.rows(stored), lambda index: structure.take_rows(stored, index))

    def chunks(self, size):
        gatherer = self.gatherer()
        if gatherer is not None:
            return gather_in_order(gatherer, size)
        if self.filename or self.stored is not None:
            return None
        chunks = self.child.chunks(size)
        return None if chunks is None else self._record(chunks, structure.concat)

    def iterate(self):
        if self.filename:
            return self._file_pass()
        if isinstance(self.stored, list):
            return iter(self.stored)
        chunks = self.chunks(ELEMENT_CHUNK)
        if chunks is not None:
            return structure.split_all(chunks)
        return self._record(self.child.iterate(), structure.stack)

    def _record(self, items, combine):
        seen = []
        for item in items:
            seen.append(item)
            yield item
        if self.stored is None:
            self.stored = _compact(seen, combine)

    def _file_pass(self):
        if os.path.exists(self.filename):
            yield from _read_all(self.filename)
            return
        partial = self.filename + ".partial"
        try:
            with open(partial, "wb") as f:
                for element in self.child.iterate():
                    pickle.dump(element, f, protocol=pickle.HIGHEST_PROTOCOL)
                    yield element
            os.replace(partial, self.filename)
        finally:
            if os.path.exists(partial):
                os.remove(partial)

    def cardinality(self):
        return self.child.cardinality()

    def spec(self):
        return self.child.spec()


def _compact(seen, combine):
    """One read-only chunk of all rows when the recorded items line up, else the list of elements."""
    if not seen:
        return []
    try:
        joined = combine(seen)
    except ValueError:
        return seen if combine is structure.stack else list(structure.split_all(seen))
    return structure.pack(joined, [structure.read_only(leaf) for leaf in tree.flatten(joined)])


def _read_all(filename):
    with open(filename, "rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                return
