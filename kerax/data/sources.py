"""Where elements come from: arrays in memory, a range of integers, or a Python generator."""
import numpy as np

from kerax.data import structure
from kerax.data.node import UNKNOWN_CARDINALITY, Gatherer, Node
from kerax.data.tensor_spec import TensorSpec, numpy_dtype
from kerax import tree


class TensorSlices(Node):
    """The rows of in-memory arrays; every access is a slice or an index array over all leaves at once."""

    def __init__(self, tensors):
        tensors = structure.to_structure(tensors)
        leaves = tree.flatten(tensors)
        if not leaves:
            raise ValueError("from_tensor_slices needs at least one array; got an empty structure.")
        for leaf in leaves:
            if leaf.ndim == 0:
                raise ValueError(
                    f"from_tensor_slices slices arrays along their first axis, but got a scalar ({leaf!r}). "
                    "Use from_tensors for a dataset of one element."
                )
        sizes = sorted({leaf.shape[0] for leaf in leaves})
        if len(sizes) > 1:
            raise ValueError(
                "from_tensor_slices needs every array to have the same first dimension (the number of "
                f"elements); got first dimensions {sizes}."
            )
        self.tensors = structure.pack(tensors, [structure.read_only(leaf) for leaf in leaves])
        self.size = sizes[0]

    def gatherer(self):
        return Gatherer(self.size, lambda index: structure.take_rows(self.tensors, index))

    def cardinality(self):
        return self.size

    def spec(self):
        return tree.map_structure(lambda leaf: TensorSpec.from_array(leaf).without_leading(), self.tensors)


class Range(Node):
    def __init__(self, start, stop, step, dtype):
        if step == 0:
            raise ValueError("range() step must not be zero.")
        self.values = range(start, stop, step)
        self.dtype = numpy_dtype(dtype)

    def gatherer(self):
        def gather(index):
            chosen = structure.positions(index, len(self.values))
            return (self.values.start + self.values.step * chosen).astype(self.dtype)

        return Gatherer(len(self.values), gather)

    def cardinality(self):
        return len(self.values)

    def spec(self):
        return TensorSpec((), self.dtype)


class Generator(Node):
    """Calls `generator(*args)` afresh for each pass; elements are cast to the declared signature if any."""

    def __init__(self, generator, args, signature):
        if not callable(generator):
            raise TypeError(
                "from_generator expects a callable that returns an iterator, got a "
                f"{type(generator).__name__}. "
                "Pass the generator function itself (e.g. `gen`, not `gen()`)."
            )
        self.generator = generator
        self.args = tuple(args or ())
        self.signature = signature

    def iterate(self):
        for value in self.generator(*self.args):
            if self.signature is None:
                yield structure.to_structure(value)
            else:
                yield _conform(value, self.signature)

    def cardinality(self):
        return UNKNOWN_CARDINALITY

    def spec(self):
        return super().spec() if self.signature is None else self.signature


def make_signature(output_types, output_shapes):
    """A structure of TensorSpecs from tf's older pair of arguments; shapes nest like the types."""
    if isinstance(output_types, dict):
        return {k: make_signature(v, None if output_shapes is None else output_shapes[k])
                for k, v in output_types.items()}
    if isinstance(output_types, (tuple, list)):
        shapes = [None] * len(output_types) if output_shapes is None else output_shapes
        return tuple(make_signature(t, s) for t, s in zip(output_types, shapes))
    return TensorSpec(output_shapes, output_types)


def _conform(value, signature):
    if isinstance(signature, dict):
        return {k: _conform(value[k], spec) for k, spec in signature.items()}
    if isinstance(signature, (tuple, list)):
        if not isinstance(value, (tuple, list)) or len(value) != len(signature):
            raise ValueError(
                f"The generator yielded {value!r}, which does not match the signature {signature}."
            )
        return tuple(_conform(v, spec) for v, spec in zip(value, signature))
    array = np.asarray(value, dtype=numpy_dtype(signature.dtype))
    if not signature.is_compatible_with(array):
        raise ValueError(
            f"The generator yielded an element of shape {array.shape}, which does not match the declared "
            f"shape {signature.shape}."
        )
    return array
