"""Weighted true/false positive/negative counts at a list of thresholds, shared by the confusion metrics.

A prediction counts as positive at threshold t when it is > t; a label is positive when it is nonzero.
"""
import numpy as np

from kerax import backend, ops
from kerax.losses.loss import broadcast_weights, squeeze_or_expand_to_same_rank, to_float

NEG_INF = -1e10  # score given to entries outside the top k, below every threshold


def parse_thresholds(thresholds, default):
    """The thresholds as a list of floats; each given one must lie in [0, 1]."""
    if thresholds is None:
        return [default]
    values = [float(t) for t in np.ravel(thresholds)]
    invalid = [t for t in values if not 0.0 <= t <= 1.0]
    if invalid:
        raise ValueError(f"Threshold values must be in [0, 1]. Received: {invalid}")
    return values


def _keep_top_k(y_pred, k):
    _, indices = ops.top_k(y_pred, k)
    in_top_k = ops.sum(ops.one_hot(indices, y_pred.shape[-1], dtype=y_pred.dtype), axis=-2)
    return ops.where(ops.greater(in_top_k, 0), y_pred, NEG_INF)


def _reverse_cumsum(x):
    return ops.flip(ops.cumsum(ops.flip(x, 0), axis=0), 0)


def _counts_above_by_comparison(y_pred, weighted, thresholds):
    """For each threshold t: sum of `weighted` over entries with y_pred > t. Memory grows as T * N."""
    shape = (-1,) + (1,) * len(y_pred.shape)
    above = ops.cast(ops.greater(y_pred[None], ops.reshape(thresholds, shape)), y_pred.dtype)
    return [ops.sum(above * w[None], axis=1) for w in weighted]


def _counts_above_by_buckets(y_pred, weighted, thresholds):
    """The same for thresholds [-eps, 1/(T-1), ..., (T-2)/(T-1), 1+eps], in O(N) memory: each entry goes
    to the bucket of the last threshold it exceeds, and counts are reverse cumulative sums of buckets."""
    last = thresholds.shape[0] - 1
    guess = ops.cast(ops.clip(ops.ceil(y_pred * last) - 1, 0, last), "int32")
    # Step once down or up so `bucket` is exactly the last threshold exceeded (-1: none) despite rounding.
    bucket = ops.where(ops.greater(y_pred, ops.take(thresholds, guess)), guess, guess - 1)
    up = ops.minimum(bucket + 1, last)
    bucket = ops.where(ops.logical_and(ops.less(bucket, last), ops.greater(y_pred, ops.take(thresholds, up))),
                       bucket + 1, bucket)
    num_labels = y_pred.shape[-1] if len(y_pred.shape) == 2 else 1
    segment = (bucket + 1) * num_labels
    if len(y_pred.shape) == 2:
        segment = segment + ops.arange(num_labels, dtype="int32")[None, :]
    counts = []
    for w in weighted:
        histogram = ops.segment_sum(ops.reshape(w, (-1,)), ops.reshape(segment, (-1,)),
                                    num_segments=(last + 2) * num_labels)
        histogram = ops.reshape(histogram, (last + 2,) + tuple(y_pred.shape[1:]))[1:]
        counts.append(_reverse_cumsum(histogram))
    return counts


def _counts(y_true, y_pred, sample_weight, thresholds, top_k, class_id, multi_label, label_weights,
            evenly_spaced):
    y_pred = to_float(y_pred)
    y_true = ops.cast(ops.not_equal(y_true, 0), y_pred.dtype)
    y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
    weights = ops.ones_like(y_pred)
    if sample_weight is not None:
        weights = weights * broadcast_weights(sample_weight, y_pred)
    if label_weights is not None:
        weights = weights * ops.convert_to_tensor(label_weights, dtype=y_pred.dtype)
    if top_k is not None:
        y_pred = _keep_top_k(y_pred, top_k)
    if class_id is not None:
        y_true, y_pred, weights = y_true[..., class_id], y_pred[..., class_id], weights[..., class_id]
    flat = (-1, y_pred.shape[-1]) if multi_label else (-1,)
    y_true, y_pred, weights = (ops.reshape(x, flat) for x in (y_true, y_pred, weights))
    positive, negative = y_true * weights, (1.0 - y_true) * weights
    thresholds = ops.convert_to_tensor(np.asarray(thresholds, "float32"), dtype=y_pred.dtype)
    count_above = _counts_above_by_buckets if evenly_spaced else _counts_above_by_comparison
    tp, fp = count_above(y_pred, (positive, negative), thresholds)
    fn = ops.sum(positive, axis=0) - tp
    tn = ops.sum(negative, axis=0) - fp
    return {"tp": tp, "fp": fp, "tn": tn, "fn": fn}


# Compiled as one computation: eager updates (custom loops, tests) then cost one dispatch, not dozens.
_compiled_counts = backend.jit(_counts, static_argnums=(3, 4, 5, 6, 7, 8))


def confusion_counts(y_true, y_pred, thresholds, sample_weight=None, top_k=None, class_id=None,
                     multi_label=False, label_weights=None, evenly_spaced=False):
    """{'tp', 'fp', 'tn', 'fn'}: arrays of shape (T,), or (T, num_labels) when `multi_label` (then each label
    is counted separately over the samples; otherwise every entry of y_pred counts as one prediction)."""
    if sample_weight is not None:
        sample_weight = ops.convert_to_tensor(sample_weight)
    if label_weights is not None:
        label_weights = tuple(float(w) for w in np.ravel(label_weights))
    return _compiled_counts(ops.convert_to_tensor(y_true), ops.convert_to_tensor(y_pred), sample_weight,
                            tuple(thresholds), top_k, class_id, multi_label, label_weights, evenly_spaced)
