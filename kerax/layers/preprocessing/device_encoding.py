"""Categorical encodings with kerax.ops (usable inside compiled steps), as Keras's `output_mode`s: "one_hot"
encodes each element (squeezing a last axis of size 1); "multi_hot" and "count" summarise the last axis of
each sample. Indices outside [0, depth) encode to zeros."""
from kerax import ops


def encode(indices, output_mode, depth, dtype, count_weights=None):
    if output_mode == "int":
        return ops.cast(indices, dtype)
    if len(indices.shape) == 0:
        indices = ops.expand_dims(indices, -1)
    if output_mode == "one_hot":
        if len(indices.shape) > 1 and indices.shape[-1] == 1:
            indices = ops.squeeze(indices, -1)
        return ops.one_hot(indices, depth, dtype=dtype)
    encoded = ops.one_hot(indices, depth, dtype=dtype)
    if output_mode == "multi_hot":
        return ops.max(encoded, axis=-2)
    if count_weights is not None:
        encoded = encoded * ops.expand_dims(ops.cast(count_weights, dtype), -1)
    return ops.sum(encoded, axis=-2)
