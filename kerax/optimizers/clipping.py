"""Gradient clipping: per-tensor norm, global norm and value, as the optimizers' clip arguments apply them."""
from kerax import ops


def clip_by_norm(gradient, clipnorm):
    """Rescales `gradient` so its L2 norm is at most `clipnorm`."""
    squared = ops.sum(ops.square(gradient))
    # Two `where`s keep the gradient of sqrt finite when the norm is zero.
    norm = ops.where(squared > 0, ops.sqrt(ops.where(squared > 0, squared, 1.0)), squared)
    return gradient * clipnorm / ops.maximum(norm, clipnorm)


def global_norm(gradients):
    return ops.sqrt(sum(ops.sum(ops.square(g)) for g in gradients))


def clip_by_global_norm(gradients, clipnorm):
    """Rescales all gradients together so their joint L2 norm is at most `clipnorm`."""
    norm = global_norm(gradients)
    # A non-finite norm makes the scale NaN (instead of silently zeroing every gradient).
    scale = clipnorm * ops.minimum(1.0 / norm, 1.0 / clipnorm) + (norm - norm)
    return [g * scale for g in gradients]


def clip_gradients(gradients, clipnorm=None, global_clipnorm=None, clipvalue=None):
    if clipnorm:
        return [clip_by_norm(g, clipnorm) for g in gradients]
    if global_clipnorm:
        return clip_by_global_norm(gradients, global_clipnorm)
    if clipvalue:
        return [ops.clip(g, -clipvalue, clipvalue) for g in gradients]
    return gradients
