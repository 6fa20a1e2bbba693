"""Accuracy functions (1.0 per correct sample, 0.0 otherwise) and the metrics that average them."""
from kerax import backend, ops
from kerax.losses.loss import prepare_pair
from kerax.metrics.reduction_metrics import MeanMetricWrapper


def _per_sample(matches):
    """Boolean matches as floats, averaged over the last axis when there is one beyond the batch."""
    matches = ops.cast(matches, backend.floatx())
    return ops.mean(matches, axis=-1) if len(matches.shape) > 1 else matches


def accuracy(y_true, y_pred):
    """How often predictions equal labels exactly."""
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return _per_sample(ops.equal(y_true, y_pred))


def binary_accuracy(y_true, y_pred, threshold=0.5):
    y_true, y_pred = prepare_pair(y_true, y_pred)
    return _per_sample(ops.equal(y_true, ops.cast(ops.greater(y_pred, threshold), y_true.dtype)))


def categorical_accuracy(y_true, y_pred):
    """Whether the highest-scoring class is the one-hot label's class."""
    y_true, y_pred = ops.convert_to_tensor(y_true), ops.convert_to_tensor(y_pred)
    return ops.cast(ops.equal(ops.argmax(y_true, axis=-1), ops.argmax(y_pred, axis=-1)), backend.floatx())


def _sparse_labels(y_true, y_pred):
    y_true = ops.convert_to_tensor(y_true)
    if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
        y_true = ops.squeeze(y_true, -1)
    return y_true


def sparse_categorical_accuracy(y_true, y_pred):
    """Whether the highest-scoring class equals the integer label."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(_sparse_labels(y_true, y_pred), backend.floatx())
    predicted = ops.cast(ops.argmax(y_pred, axis=-1), backend.floatx())
    return ops.cast(ops.equal(y_true, predicted), backend.floatx())


def sparse_top_k_categorical_accuracy(y_true, y_pred, k=5):
    """Whether the integer label is among the `k` highest-scoring classes (ties count as in)."""
    y_pred = ops.convert_to_tensor(y_pred)
    y_true = ops.cast(_sparse_labels(y_true, y_pred), "int32")
    labels_shape = y_true.shape
    hits = ops.in_top_k(ops.reshape(y_true, (-1,)), ops.reshape(y_pred, (-1, y_pred.shape[-1])), k)
    return ops.reshape(ops.cast(hits, backend.floatx()), labels_shape)


def top_k_categorical_accuracy(y_true, y_pred, k=5):
    return sparse_top_k_categorical_accuracy(ops.argmax(ops.convert_to_tensor(y_true), axis=-1), y_pred, k=k)


class Accuracy(MeanMetricWrapper):
    def __init__(self, name="accuracy", dtype=None):
        super().__init__(accuracy, name=name, dtype=dtype)


class BinaryAccuracy(MeanMetricWrapper):
    def __init__(self, name="binary_accuracy", dtype=None, threshold=0.5):
        super().__init__(binary_accuracy, name=name, dtype=dtype, threshold=threshold)


class CategoricalAccuracy(MeanMetricWrapper):
    def __init__(self, name="categorical_accuracy", dtype=None):
        super().__init__(categorical_accuracy, name=name, dtype=dtype)


class SparseCategoricalAccuracy(MeanMetricWrapper):
    def __init__(self, name="sparse_categorical_accuracy", dtype=None):
        super().__init__(sparse_categorical_accuracy, name=name, dtype=dtype)


class TopKCategoricalAccuracy(MeanMetricWrapper):
    def __init__(self, k=5, name="top_k_categorical_accuracy", dtype=None):
        super().__init__(top_k_categorical_accuracy, name=name, dtype=dtype, k=k)


class SparseTopKCategoricalAccuracy(MeanMetricWrapper):
    def __init__(self, k=5, name="sparse_top_k_categorical_accuracy", dtype=None):
        super().__init__(sparse_top_k_categorical_accuracy, name=name, dtype=dtype, k=k)
