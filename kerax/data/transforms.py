"""map and filter: a Python function applied to each element, unpacked as arguments when it is a tuple."""
import numpy as np

from kerax.data import structure
from kerax.data.node import Node


def call(fn, element):
    # Only plain tuples are unpacked, as tf.data does; dicts and namedtuples arrive as one argument.
    return fn(*element) if type(element) is tuple else fn(element)


class Map(Node):
    """`num_parallel_calls` is accepted by Dataset.map but elements are mapped in order on one thread: NumPy
    work in Python functions gains little from threads, and the order stays deterministic."""

    def __init__(self, child, fn):
        self.child, self.fn = child, fn

    def iterate(self):
        for element in self.child.iterate():
            out = call(self.fn, element)
            if out is None:
                raise ValueError(
                    "The function passed to Dataset.map returned None; it must return the new element."
                )
            # A returned list holds several components (tf.data's rule), not one array to stack.
            yield structure.to_structure(tuple(out) if isinstance(out, list) else out)

    def cardinality(self):
        return self.child.cardinality()


class Filter(Node):
    def __init__(self, child, predicate):
        self.child, self.predicate = child, predicate

    def iterate(self):
        for element in self.child.iterate():
            keep = np.asarray(call(self.predicate, element))
            if keep.ndim != 0:
                raise ValueError(
                    f"The filter predicate must return a scalar boolean, got shape {keep.shape}."
                )
            if keep:
                yield element

    def spec(self):
        return self.child.spec()
