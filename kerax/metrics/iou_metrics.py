"""Intersection-over-union metrics, accumulated in a (num_classes, num_classes) confusion matrix whose rows
are true classes and columns predicted classes.

The matrix is kept in floats (`floatx`) so that fractional sample weights count as Keras documents them.
"""
from kerax import backend, ops
from kerax.losses.loss import broadcast_weights
from kerax.metrics.metric import Metric


class IoU(Metric):
    """`tp / (tp + fp + fn)` per class, averaged over `target_class_ids` (classes never seen nor predicted
    are left out of the average). Labels outside [0, num_classes) and `ignore_class` are skipped."""

    def __init__(self, num_classes, target_class_ids, name=None, dtype=None, ignore_class=None,
                 sparse_y_true=True, sparse_y_pred=True, axis=-1):
        super().__init__(name=name, dtype=dtype)
        if max(target_class_ids) >= num_classes:
            raise ValueError(f"Target class id {max(target_class_ids)} is out of range, which is "
                             f"[0, {num_classes}).")
        self.num_classes = num_classes
        self.target_class_ids = list(target_class_ids)
        self.ignore_class = ignore_class
        self.sparse_y_true = sparse_y_true
        self.sparse_y_pred = sparse_y_pred
        self.axis = axis
        self.total_cm = self.add_variable((num_classes, num_classes), name="total_confusion_matrix")

    def _class_ids(self, values, sparse):
        values = ops.convert_to_tensor(values)
        return ops.argmax(values, axis=self.axis) if not sparse else values

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = ops.cast(self._class_ids(y_true, self.sparse_y_true), "int32")
        y_pred = ops.cast(self._class_ids(y_pred, self.sparse_y_pred), "int32")
        weights = ops.ones(y_true.shape, self.dtype)
        if sample_weight is not None:
            weights = weights * broadcast_weights(ops.convert_to_tensor(sample_weight, self.dtype), weights)
        y_true, y_pred, weights = (ops.reshape(v, (-1,)) for v in (y_true, y_pred, weights))
        if y_pred.shape[0] != y_true.shape[0]:
            raise ValueError(f"{type(self).__name__}: y_true and y_pred hold different numbers of class ids "
                             f"({y_true.shape[0]} and {y_pred.shape[0]}).")
        valid = ops.logical_and(_in_range(y_true, self.num_classes), _in_range(y_pred, self.num_classes))
        if self.ignore_class is not None:
            valid = ops.logical_and(valid, ops.not_equal(y_true, self.ignore_class))
        cell = ops.where(valid, y_true * self.num_classes + y_pred, 0)
        counts = ops.segment_sum(ops.where(valid, weights, 0.0), cell, num_segments=self.num_classes**2)
        self.total_cm.assign(self.total_cm.value + ops.reshape(counts, (self.num_classes, self.num_classes)))

    def result(self):
        cm = self.total_cm.value
        true_positives = ops.diagonal(cm)
        denominator = ops.sum(cm, axis=0) + ops.sum(cm, axis=1) - true_positives
        targets = ops.convert_to_tensor(self.target_class_ids, dtype="int32")
        true_positives, denominator = ops.take(true_positives, targets), ops.take(denominator, targets)
        seen = ops.greater(denominator, 1e-9)
        iou = ops.where(seen, true_positives / (denominator + backend.epsilon()), 0.0)
        return ops.sum(iou) / (ops.sum(ops.cast(seen, iou.dtype)) + backend.epsilon())

    def get_config(self):
        return {**super().get_config(), "num_classes": self.num_classes,
                "target_class_ids": self.target_class_ids, "ignore_class": self.ignore_class,
                "sparse_y_true": self.sparse_y_true, "sparse_y_pred": self.sparse_y_pred, "axis": self.axis}


def _in_range(ids, num_classes):
    return ops.logical_and(ops.greater_equal(ids, 0), ops.less(ids, num_classes))


def _config_without(config, *keys):
    return {k: v for k, v in config.items() if k not in keys}


class BinaryIoU(IoU):
    """IoU of classes 0 and 1 for scores: a prediction >= `threshold` is class 1."""

    def __init__(self, target_class_ids=(0, 1), threshold=0.5, name=None, dtype=None):
        super().__init__(num_classes=2, target_class_ids=target_class_ids, name=name, dtype=dtype)
        self.threshold = threshold

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_pred = ops.cast(ops.greater_equal(ops.convert_to_tensor(y_pred), self.threshold), "int32")
        super().update_state(y_true, y_pred, sample_weight)

    def get_config(self):
        config = _config_without(super().get_config(), "num_classes", "ignore_class", "sparse_y_true",
                                 "sparse_y_pred", "axis")
        return {**config, "threshold": self.threshold}


class MeanIoU(IoU):
    """IoU averaged over every class."""

    def __init__(self, num_classes, name=None, dtype=None, ignore_class=None, sparse_y_true=True,
                 sparse_y_pred=True, axis=-1):
        super().__init__(num_classes, list(range(num_classes)), name=name, dtype=dtype,
                         ignore_class=ignore_class, sparse_y_true=sparse_y_true, sparse_y_pred=sparse_y_pred,
                         axis=axis)

    def get_config(self):
        return _config_without(super().get_config(), "target_class_ids")


class OneHotIoU(IoU):
    """IoU for one-hot labels (and, unless `sparse_y_pred`, score vectors): classes by argmax."""

    def __init__(self, num_classes, target_class_ids, name=None, dtype=None, ignore_class=None,
                 sparse_y_pred=False, axis=-1):
        super().__init__(num_classes, target_class_ids, name=name, dtype=dtype, ignore_class=ignore_class,
                         sparse_y_true=False, sparse_y_pred=sparse_y_pred, axis=axis)

    def get_config(self):
        return _config_without(super().get_config(), "sparse_y_true")


class OneHotMeanIoU(MeanIoU):
    """MeanIoU for one-hot labels (and, unless `sparse_y_pred`, score vectors)."""

    def __init__(self, num_classes, name=None, dtype=None, ignore_class=None, sparse_y_pred=False, axis=-1):
        super().__init__(num_classes, name=name, dtype=dtype, ignore_class=ignore_class, sparse_y_true=False,
                         sparse_y_pred=sparse_y_pred, axis=axis)

    def get_config(self):
        return _config_without(super().get_config(), "sparse_y_true")
