"""`K.ctc_label_dense_to_sparse`: padded label rows as the (indices, values, dense_shape) of a sparse
tensor."""
import collections

import numpy as np

from kerax.backend import engine

SparseLabels = collections.namedtuple("SparseLabels", ["indices", "values", "dense_shape"])


def ctc_label_dense_to_sparse(labels, label_lengths):
    """The first label_lengths[i] labels of each row i, as tf.SparseTensor's fields: `indices` (n, 2) int64
    (row, position), `values` (n,) and `dense_shape` (2,) int64. kerax has no sparse tensor type; the result
    is a named tuple with those three fields."""
    labels = engine.convert_to_numpy(engine.convert_to_tensor(labels))
    lengths = np.reshape(engine.convert_to_numpy(engine.convert_to_tensor(label_lengths)), (-1,))
    keep = np.arange(labels.shape[1])[None, :] < lengths[:, None]
    indices = np.argwhere(keep).astype("int64")
    return SparseLabels(engine.convert_to_tensor(indices), engine.convert_to_tensor(labels[keep]),
                        engine.convert_to_tensor(np.array(labels.shape, dtype="int64")))
