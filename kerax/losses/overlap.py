"""Overlap losses for segmentation: Dice and its weighted generalisation, Tversky.

With `axis=None` (the default, as in Keras) the overlap is computed over the whole batch and the loss is
one scalar; `axis=(1, 2, 3)` gives one value per image.
"""
from kerax import backend, ops
from kerax.losses.loss import to_float
from kerax.losses.losses import LossFunctionWrapper


def _pair(y_true, y_pred):
    y_pred = to_float(y_pred)
    return ops.cast(y_true, y_pred.dtype), y_pred


def _axis(axis):
    return tuple(axis) if isinstance(axis, list) else axis


def dice(y_true, y_pred, axis=None):
    """`1 - 2 * sum(y_true * y_pred) / (sum(y_true) + sum(y_pred))`."""
    y_true, y_pred = _pair(y_true, y_pred)
    axis = _axis(axis)
    intersection = ops.sum(y_true * y_pred, axis=axis)
    total = ops.sum(y_true, axis=axis) + ops.sum(y_pred, axis=axis)
    return 1.0 - 2.0 * intersection / (total + backend.epsilon())


def tversky(y_true, y_pred, alpha=0.5, beta=0.5, axis=None):
    """`1 - TP / (TP + alpha * FP + beta * FN)` from soft counts (Salehi et al. 2017); alpha = beta = 0.5
    is the Dice loss."""
    y_true, y_pred = _pair(y_true, y_pred)
    axis = _axis(axis)
    true_positives = ops.sum(y_true * y_pred, axis=axis)
    false_positives = ops.sum(y_true * (1.0 - y_pred), axis=axis)
    false_negatives = ops.sum((1.0 - y_true) * y_pred, axis=axis)
    denominator = true_positives + alpha * false_positives + beta * false_negatives + backend.epsilon()
    return 1.0 - true_positives / denominator


class Dice(LossFunctionWrapper):
    def __init__(self, reduction="sum_over_batch_size", name="dice", axis=None, dtype=None):
        super().__init__(dice, reduction=reduction, name=name, dtype=dtype, axis=axis)


class Tversky(LossFunctionWrapper):
    def __init__(self, alpha=0.5, beta=0.5, reduction="sum_over_batch_size", name="tversky", axis=None,
                 dtype=None):
        super().__init__(tversky, reduction=reduction, name=name, dtype=dtype, alpha=alpha, beta=beta,
                         axis=axis)
