"""Pearson and concordance correlation coefficients of labels and predictions, per sample along `axis`,
and the metrics averaging them over samples."""
from kerax import backend, ops
from kerax.losses.loss import prepare_pair
from kerax.metrics.reduction_metrics import MeanMetricWrapper


def _centered(x, axis):
    return x - ops.mean(x, axis=axis, keepdims=True)


def pearson_correlation(y_true, y_pred, axis=-1):
    """mean(standardized y_true * standardized y_pred) along `axis`: 1 for a perfect linear relation."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    y_true, y_pred = _centered(y_true, axis), _centered(y_pred, axis)
    y_true = y_true / ops.std(y_true, axis=axis, keepdims=True)
    y_pred = y_pred / ops.std(y_pred, axis=axis, keepdims=True)
    return ops.mean(y_true * y_pred, axis=axis)


def concordance_correlation(y_true, y_pred, axis=-1):
    """Lin's concordance: `2 cov / (var(y_true) + var(y_pred) + (mean(y_true) - mean(y_pred))**2)`, which
    also penalises predictions that are correlated but shifted or scaled."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    true_mean = ops.mean(y_true, axis=axis, keepdims=True)
    pred_mean = ops.mean(y_pred, axis=axis, keepdims=True)
    norm = ops.var(y_true, axis=axis, keepdims=True) + ops.var(y_pred, axis=axis, keepdims=True) \
        + ops.square(true_mean - pred_mean)
    covariance = (y_true - true_mean) * (y_pred - pred_mean)
    return ops.mean(2.0 * covariance / (norm + backend.epsilon()), axis=axis)


class PearsonCorrelation(MeanMetricWrapper):
    def __init__(self, name="pearson_correlation", dtype=None, axis=-1):
        super().__init__(pearson_correlation, name=name, dtype=dtype, axis=axis)


class ConcordanceCorrelation(MeanMetricWrapper):
    def __init__(self, name="concordance_correlation", dtype=None, axis=-1):
        super().__init__(concordance_correlation, name=name, dtype=dtype, axis=axis)
