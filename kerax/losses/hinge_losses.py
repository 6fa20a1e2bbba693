"""Hinge losses (maximum-margin classification) as functions returning one value per sample."""
from kerax import ops
from kerax.losses.loss import prepare_pair


def _as_signed_labels(y_true):
    """Labels given as 0/1 become -1/1; labels already in -1/1 are kept. Decided for the whole batch."""
    is_binary = ops.all(ops.logical_or(ops.equal(y_true, 0), ops.equal(y_true, 1)))
    return ops.where(is_binary, 2.0 * y_true - 1.0, y_true)


def _margins(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return ops.maximum(1.0 - _as_signed_labels(y_true) * y_pred, 0.0)


def hinge(y_true, y_pred):
    return ops.mean(_margins(y_true, y_pred), axis=-1)


def squared_hinge(y_true, y_pred):
    return ops.mean(ops.square(_margins(y_true, y_pred)), axis=-1)


def categorical_hinge(y_true, y_pred):
    """max(0, 1 + best wrong-class score - true-class score), for one-hot `y_true`."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    positive = ops.sum(y_true * y_pred, axis=-1)
    negative = ops.max((1.0 - y_true) * y_pred, axis=-1)
    return ops.maximum(negative - positive + 1.0, 0.0)
