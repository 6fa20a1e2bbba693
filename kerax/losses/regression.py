"""Regression losses as functions: each returns one value per sample (the mean over the last axis)."""
import math

from kerax import backend, ops
from kerax.losses.loss import prepare_pair


def mean_squared_error(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


def mean_absolute_error(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return ops.mean(ops.abs(y_true - y_pred), axis=-1)


def mean_absolute_percentage_error(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    diff = ops.abs((y_true - y_pred) / ops.maximum(ops.abs(y_true), backend.epsilon()))
    return 100.0 * ops.mean(diff, axis=-1)


def mean_squared_logarithmic_error(y_true, y_pred):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    log_pred = ops.log(ops.maximum(y_pred, backend.epsilon()) + 1.0)
    log_true = ops.log(ops.maximum(y_true, backend.epsilon()) + 1.0)
    return ops.mean(ops.square(log_pred - log_true), axis=-1)


def log_cosh(y_true, y_pred):
    """mean(log(cosh(y_pred - y_true))), computed as x + softplus(-2x) - log(2) so that large errors
    don't overflow."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    x = y_pred - y_true
    return ops.mean(x + ops.softplus(-2.0 * x) - math.log(2.0), axis=-1)


def huber(y_true, y_pred, delta=1.0):
    """Quadratic for |error| <= delta, linear beyond."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    error = ops.abs(y_pred - y_true)
    quadratic = 0.5 * ops.square(error)
    linear = delta * error - 0.5 * delta**2
    return ops.mean(ops.where(error <= delta, quadratic, linear), axis=-1)


def l2_normalize(x, axis=-1):
    """x / max(||x||, epsilon) along `axis`."""
    norm = ops.sqrt(ops.sum(ops.square(x), axis=axis, keepdims=True))
    return x / ops.maximum(norm, backend.epsilon())


def cosine_similarity(y_true, y_pred, axis=-1):
    """The negative cosine similarity: -1 when the vectors point the same way, so minimising it aligns
    them."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return -ops.sum(l2_normalize(y_true, axis) * l2_normalize(y_pred, axis), axis=axis)


mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
logcosh = log_cosh
huber_loss = huber
cosine_proximity = cosine_similarity
