"""Elements and chunks. An element is a nested structure (tuples, namedtuples, dicts) of NumPy arrays. A chunk
is the same structure whose leaves share a leading dimension: a run of consecutive elements stacked together,
which is what lets batching slice arrays in bulk instead of stacking one element at a time."""
import numpy as np

from kerax import tree

_INT32 = np.iinfo(np.int32)


def to_array(value):
    """One leaf as an array. Python numbers and lists get TensorFlow's defaults (float32, int32); arrays keep
    their dtype."""
    if isinstance(value, np.ndarray):
        return value
    if isinstance(value, np.generic) or hasattr(value, "__array__"):
        return np.asarray(value)
    if value is None:
        raise ValueError("Dataset elements cannot contain None.")
    try:
        array = np.asarray(value)
    except ValueError:  # NumPy refuses ragged nested lists
        array = None
    if array is None or array.dtype == object:
        raise ValueError(
            f"Could not convert a {type(value).__name__} to one array: are its items of different shapes? "
            "Use a tuple (not a list) to give several components."
        )
    if array.dtype == np.float64:
        return array.astype(np.float32)
    if array.dtype == np.int64 and _fits_int32(array):
        return array.astype(np.int32)
    return array


def _fits_int32(array):
    return array.size == 0 or (_INT32.min <= array.min() and array.max() <= _INT32.max)


def to_structure(value):
    """Tuples and dicts are structure; lists are converted to one array, as tf.data does."""
    if isinstance(value, dict):
        return {k: to_structure(v) for k, v in value.items()}
    if isinstance(value, tuple):
        items = [to_structure(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    return to_array(value)


def pack(structure, leaves):
    return tree.pack_sequence_as(structure, leaves)


def rows(chunk):
    return tree.flatten(chunk)[0].shape[0]


def take_rows(chunk, index):
    """The rows `index` (a slice or an array of positions) of every leaf."""
    return pack(chunk, [leaf[index] for leaf in tree.flatten(chunk)])


def packer(layout):
    """A function rebuilding `layout` from flat leaves (in `tree.flatten` order), built once so that
    rebuilding element after element stays cheap."""
    counter = iter(range(len(tree.flatten(layout))))

    def build(x):
        if isinstance(x, dict):
            parts = {k: build(x[k]) for k in sorted(x)}  # leaves are numbered in sorted-key order
            return lambda leaves: {k: parts[k](leaves) for k in x}
        if isinstance(x, (list, tuple)):
            parts = [build(v) for v in x]
            make = type(x)._make if hasattr(x, "_fields") else type(x)
            return lambda leaves: make([part(leaves) for part in parts])
        position = next(counter)
        return lambda leaves: leaves[position]

    return build(layout)


def split(chunk):
    """The elements of a chunk, each leaf a view of one row (scalars come out as 0-d arrays)."""
    leaves = tree.flatten(chunk)
    rebuild = packer(chunk)
    for i in range(leaves[0].shape[0]):
        yield rebuild([leaf[i, ...] for leaf in leaves])


def split_all(chunks):
    for chunk in chunks:
        yield from split(chunk)


def concat(chunks):
    if len(chunks) == 1:
        return chunks[0]
    columns = zip(*(tree.flatten(c) for c in chunks))
    return pack(chunks[0], [np.concatenate(parts) for parts in columns])


def stack(elements):
    """Stacks elements leaf by leaf into one chunk, with an error that names the mismatch."""
    first = elements[0]
    columns = list(zip(*(tree.flatten(e) for e in elements)))
    out = []
    for position, parts in enumerate(columns):
        try:
            out.append(np.stack(parts))
        except ValueError:
            shapes = sorted({p.shape for p in parts}, key=str)
            raise ValueError(
                f"Cannot batch elements whose component {position} has different shapes {shapes[:2]}. "
                "Use `padded_batch` for variable-length elements, or `map` them to one shape first."
            ) from None
    return pack(first, out)


def read_only(array):
    """A view that cannot be written, so batches sliced from the user's arrays cannot corrupt them."""
    view = array.view()
    view.flags.writeable = False
    return view


def positions(index, size):
    """The integer positions that `index` (a slice or an array) selects among `size` rows."""
    if isinstance(index, slice):
        return np.arange(*index.indices(size))
    return np.asarray(index)


def offset(index, size, count):
    """`index` into rows count, count+1, ... of a sequence whose first `count` rows are skipped."""
    if isinstance(index, slice):
        start, stop, step = index.indices(size)
        return slice(start + count, stop + count, step)
    return np.asarray(index) + count
