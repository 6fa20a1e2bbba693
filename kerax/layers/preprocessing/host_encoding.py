"""Categorical encodings on the host (NumPy), as Keras's `output_mode`s: "one_hot" encodes each element
(squeezing a last axis of size 1), "multi_hot" and "count" summarise the last axis of each sample. Indices
outside [0, depth) (a dropped mask token) add nothing."""
import numpy as np


def bag_counts(row_ids, indices, rows, depth, weights=None):
    """[rows, depth] sums of `weights` (default 1) of each (row, index) pair; out-of-range indices ignored."""
    out = np.zeros((rows, depth), dtype="float64")
    keep = (indices >= 0) & (indices < depth)
    values = 1.0 if weights is None else np.asarray(weights, dtype="float64")[keep]
    np.add.at(out, (row_ids[keep], indices[keep]), values)
    return out


def encode(indices, output_mode, depth, dtype, count_weights=None):
    indices = np.asarray(indices)
    if output_mode == "int":
        return indices.astype(dtype)
    if indices.ndim == 0:
        indices = indices[None]
    if output_mode == "one_hot":
        if indices.ndim > 1 and indices.shape[-1] == 1:
            indices = indices[..., 0]
        return (indices[..., None] == np.arange(depth)).astype(dtype)
    samples = indices.reshape(-1, indices.shape[-1])
    rows = np.broadcast_to(np.arange(len(samples))[:, None], samples.shape)
    weights = None if count_weights is None else np.broadcast_to(count_weights, indices.shape).reshape(-1)
    out = bag_counts(rows.reshape(-1), samples.reshape(-1), len(samples), depth, weights)
    if output_mode == "multi_hot":
        out = np.minimum(out, 1.0)
    return out.reshape(indices.shape[:-1] + (depth,)).astype(dtype)


def encoded_shape(input_shape, output_mode, depth):
    """The output shape of `encode` for inputs of `input_shape`."""
    input_shape = tuple(input_shape)
    if output_mode == "int":
        return input_shape
    if not input_shape:
        return (depth,)
    if output_mode == "one_hot":
        if len(input_shape) > 1 and input_shape[-1] == 1:
            return input_shape[:-1] + (depth,)
        return input_shape + (depth,)
    return input_shape[:-1] + (depth,)
