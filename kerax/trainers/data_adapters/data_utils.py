"""Shared checks for user data: (un)packing `(x, y, sample_weight)`, numeric arrays, class weights."""
import numpy as np

from kerax import backend
from kerax.backend import host_data
from kerax import tree


def unpack_x_y_sample_weight(data):
    """`(x, y, sample_weight)` from `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)` (missing parts None)."""
    if isinstance(data, list):
        data = tuple(data)
    if not isinstance(data, tuple):
        return data, None, None
    if len(data) == 1:
        return data[0], None, None
    if len(data) == 2:
        return data[0], data[1], None
    if len(data) == 3:
        return data
    raise ValueError(
        f"Data should be `x`, `(x,)`, `(x, y)` or `(x, y, sample_weight)`; received a tuple of {len(data)} items."
    )


def pack_x_y_sample_weight(x, y=None, sample_weight=None):
    """The inverse: `x` alone (a tuple `x` is wrapped as `(x,)`, so it is not read as `(x, y)`), `(x, y)` or
    `(x, y, sample_weight)`."""
    if y is None:
        return (x,) if isinstance(x, tuple) else x
    if sample_weight is None:
        return (x, y)
    return (x, y, sample_weight)



def to_numeric_structure(data, what):
    if data is None:
        return None
    return tree.map_structure(lambda v: None if v is None else host_data.to_host_array(v, what), data)


def class_weight_to_sample_weight(y, class_weight):
    """Per-sample weights from `{class_index: weight}`; y holds class ids or one-hot rows."""
    labels = np.asarray(tree.flatten(y)[0])
    if labels.ndim > 1 and labels.shape[-1] > 1:
        labels = labels.argmax(axis=-1)
    labels = labels.reshape(labels.shape[0], -1)[:, 0].astype(int)
    table = np.ones(max(int(labels.max()) + 1, max(class_weight) + 1), dtype=backend.floatx())
    for cls, weight in class_weight.items():
        table[int(cls)] = weight
    return table[labels]


def num_samples(data, what):
    lengths = {len(v) for v in tree.flatten(data) if v is not None}
    if len(lengths) > 1:
        raise ValueError(f"All arrays in {what} must have the same number of samples; received lengths {sorted(lengths)}.")
    return lengths.pop() if lengths else 0
