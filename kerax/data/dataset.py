"""kerax.data.Dataset: tf.data's Dataset in Python and NumPy. Elements are nested structures of NumPy arrays.

Each method returns a new Dataset wrapping one pipeline step (see node.py). Batching over in-memory arrays,
shuffled or not, indexes whole arrays at once rather than stacking one element at a time.
"""
from kerax.data import (
    background, batching, cache, combine, padded_batch, shuffle, slicing, sources, structure, transforms,
)
from kerax.data.node import INFINITE_CARDINALITY, UNKNOWN_CARDINALITY, Count
from kerax import tree


class Dataset:
    def __init__(self, node):
        self._node = node

    # Sources.

    @staticmethod
    def from_tensor_slices(tensors, name=None):
        return Dataset(sources.TensorSlices(tensors))

    @staticmethod
    def from_tensors(tensors, name=None):
        one = tree.map_structure(lambda leaf: leaf[None], structure.to_structure(tensors))
        return Dataset(sources.TensorSlices(one))

    @staticmethod
    def from_generator(generator, output_types=None, output_shapes=None, args=None, output_signature=None,
                       name=None):
        if output_signature is not None and output_types is not None:
            raise TypeError("from_generator takes either output_signature or output_types, not both.")
        if output_shapes is not None and output_types is None:
            raise TypeError("from_generator needs output_types whenever output_shapes is given.")
        signature = output_signature
        if output_types is not None:
            signature = sources.make_signature(output_types, output_shapes)
        return Dataset(sources.Generator(generator, args, signature))

    @staticmethod
    def range(*args, output_type="int64", name=None):
        bounds = range(*args)
        return Dataset(sources.Range(bounds.start, bounds.stop, bounds.step, output_type))

    @staticmethod
    def zip(*args, datasets=None, name=None):
        if (datasets is None) == (not args):
            raise TypeError("Dataset.zip takes the datasets either as arguments or as `datasets=`.")
        layout = datasets if datasets is not None else args[0] if len(args) == 1 else args
        children = tree.flatten(layout)
        for child in children:
            if not isinstance(child, Dataset):
                raise TypeError(
                    f"Dataset.zip expects a nested structure of Datasets, got a {type(child).__name__}."
                )
        return Dataset(combine.Zip(layout, [child._node for child in children]))

    # Transformations.

    def batch(self, batch_size, drop_remainder=False, num_parallel_calls=None, deterministic=None, name=None):
        return Dataset(batching.Batch(self._node, batch_size, drop_remainder))

    def padded_batch(self, batch_size, padded_shapes=None, padding_values=None, drop_remainder=False,
                     name=None):
        node = padded_batch.PaddedBatch(self._node, batch_size, padded_shapes, padding_values, drop_remainder)
        return Dataset(node)

    def unbatch(self, name=None):
        return Dataset(batching.Unbatch(self._node))

    def shuffle(self, buffer_size, seed=None, reshuffle_each_iteration=True, name=None):
        return Dataset(shuffle.Shuffle(self._node, buffer_size, seed, reshuffle_each_iteration))

    def repeat(self, count=None, name=None):
        return Dataset(slicing.Repeat(self._node, count))

    def take(self, count, name=None):
        return Dataset(slicing.Take(self._node, count))

    def skip(self, count, name=None):
        return Dataset(slicing.Skip(self._node, count))

    def map(self, map_func, num_parallel_calls=None, deterministic=None, name=None):
        """With `num_parallel_calls` (a count or AUTOTUNE), `map_func` runs in that many threads; the order of
        the elements is kept whatever `deterministic` says."""
        workers = background.worker_count(num_parallel_calls)
        if workers == 1:
            return Dataset(transforms.Map(self._node, map_func))
        return Dataset(background.ParallelMap(self._node, map_func, workers))

    def filter(self, predicate, name=None):
        return Dataset(transforms.Filter(self._node, predicate))

    def cache(self, filename="", name=None):
        return Dataset(cache.Cache(self._node, filename))

    def prefetch(self, buffer_size, name=None):
        """The pipeline so far runs in a background thread, `buffer_size` elements ahead (AUTOTUNE: 2)."""
        return Dataset(background.Prefetch(self._node, buffer_size))

    def concatenate(self, dataset, name=None):
        return Dataset(combine.Concatenate(self._node, dataset._node))

    def enumerate(self, start=0, name=None):
        return Dataset(combine.Enumerate(self._node, start))

    def apply(self, transformation_func):
        return transformation_func(self)

    # Iteration and inspection.

    def __iter__(self):
        return Iterator(self._node.iterate())

    def as_numpy_iterator(self):
        """Elements with 0-d arrays given as NumPy scalars, as tf.data's numpy iterator gives them."""
        return (tree.map_structure(lambda a: a[()] if a.ndim == 0 else a, e) for e in self._node.iterate())

    def reduce(self, initial_state, reduce_func):
        state = initial_state
        for element in self._node.iterate():
            state = reduce_func(state, element)
        return state

    @property
    def element_spec(self):
        return self._node.spec()

    def cardinality(self):
        return Count(self._node.cardinality())

    def __len__(self):
        n = self._node.cardinality()
        if n == INFINITE_CARDINALITY:
            raise TypeError("The dataset is infinite.")
        if n == UNKNOWN_CARDINALITY:
            raise TypeError("The dataset length is unknown.")
        return n

    def __bool__(self):
        return True  # a Dataset is truthy even when its length is unknown

    def __repr__(self):
        return f"<{type(self._node).__name__}Dataset cardinality={self._node.cardinality()}>"


class Iterator:
    """What iter(dataset) returns: `next(it)`, or tf's older `it.get_next()`."""

    def __init__(self, elements):
        self._elements = elements

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._elements)

    def get_next(self):
        return next(self._elements)
