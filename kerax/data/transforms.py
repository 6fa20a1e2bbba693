"""map and filter: a Python function applied to each element, unpacked as arguments when it is a tuple."""
import numpy as np

from kerax.data import structure
from kerax.data.node import Node


def call(fn, element):
    # Only plain tuples are unpacked, as tf.data does; dicts and namedtuples arrive as one argument.
    return fn(*element) if type(element) is tuple else fn(element)


def apply_map(fn, element):
    out = call(fn, element)
    if out is None:
        raise ValueError("The function passed to Dataset.map returned None; it must return the new element.")
    # A returned list holds several components (tf.data's rule), not one array to stack.
    return structure.to_structure(tuple(out) if isinstance(out, list) else out)


class Map(Node):
    """Elements mapped in order on the calling thread (map without `num_parallel_calls`; see background.py
    for the threaded one)."""

    def __init__(self, child, fn):
        self.child, self.fn = child, fn

    def iterate(self):
        for element in self.child.iterate():
            yield apply_map(self.fn, element)

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
