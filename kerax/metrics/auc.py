"""AUC: the area under the ROC or precision-recall curve, approximated from confusion counts at thresholds.

Thresholds are (i / (num_thresholds - 1)) for the inner points, with -epsilon and 1 + epsilon at the ends so
that predictions of exactly 0 and 1 are handled. The area is a Riemann sum over the threshold intervals
('interpolation': mean of the two ends; 'minoring'/'majoring': their min/max); PR curves with
'interpolation' use the Davis & Goadrich (2006) interpolation of precision between thresholds.
"""
import numpy as np

from kerax import backend, ops
from kerax.losses.loss import divide_no_nan
from kerax.metrics.confusion_counts import confusion_counts, parse_thresholds
from kerax.metrics.metric import Metric

CURVES = ("ROC", "PR")
SUMMATION_METHODS = ("interpolation", "minoring", "majoring")
_COUNTS = {"tp": "true_positives", "fp": "false_positives", "tn": "true_negatives", "fn": "false_negatives"}


def _evenly_spaced(inner_thresholds):
    points = np.array([0.0] + list(inner_thresholds) + [1.0])
    evenly = np.linspace(0.0, 1.0, len(points))
    return len(points) >= 3 and np.allclose(points, evenly, atol=backend.epsilon())


class AUC(Metric):
    def __init__(self, num_thresholds=200, curve="ROC", summation_method="interpolation", name=None,
                 dtype=None, thresholds=None, multi_label=False, num_labels=None, label_weights=None,
                 from_logits=False):
        if str(curve).upper() not in CURVES:
            raise ValueError(f"Invalid AUC curve: {curve!r}. Expected one of {CURVES}.")
        if str(summation_method).lower() not in SUMMATION_METHODS:
            raise ValueError(
                f"Invalid AUC summation_method: {summation_method!r}. Expected one of {SUMMATION_METHODS}."
            )
        super().__init__(name=name, dtype=dtype)
        self.curve = str(curve).upper()
        self.summation_method = str(summation_method).lower()
        self.multi_label = multi_label
        self.num_labels = num_labels
        self.label_weights = None if label_weights is None else [float(w) for w in np.ravel(label_weights)]
        self._from_logits = from_logits
        self._init_from_thresholds = thresholds is not None
        if thresholds is not None:
            inner = sorted(parse_thresholds(thresholds, None))
            self.num_thresholds = len(inner) + 2
        else:
            if not isinstance(num_thresholds, int) or num_thresholds <= 1:
                raise ValueError(
                    f"Argument `num_thresholds` must be an integer > 1. Received: {num_thresholds!r}"
                )
            self.num_thresholds = num_thresholds
            inner = [(i + 1) / (num_thresholds - 1) for i in range(num_thresholds - 2)]
        self._evenly_spaced = _evenly_spaced(inner)
        self.thresholds = [0.0 - backend.epsilon()] + inner + [1.0 + backend.epsilon()]
        self._built = False
        if not multi_label or num_labels is not None:
            self._build(num_labels)

    def _build(self, num_labels):
        shape = (self.num_thresholds, num_labels) if self.multi_label else (self.num_thresholds,)
        self.num_labels = num_labels
        for variable_name in _COUNTS.values():
            setattr(self, variable_name, self.add_variable(shape, name=variable_name))
        self._built = True

    def build_from_shapes(self, y_true_shape, y_pred_shape):
        if not self._built:  # multi_label without num_labels: sized by the data
            self._build(y_pred_shape[-1])

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.build_from_shapes(None, ops.convert_to_tensor(y_pred).shape)
        if self._from_logits:
            y_pred = ops.sigmoid(ops.convert_to_tensor(y_pred))
        counts = confusion_counts(
            y_true, y_pred, self.thresholds, sample_weight=sample_weight, multi_label=self.multi_label,
            label_weights=None if self.multi_label else self.label_weights, evenly_spaced=self._evenly_spaced,
        )
        for key, variable_name in _COUNTS.items():
            variable = getattr(self, variable_name)
            variable.assign(variable.value + counts[key])

    def result(self):
        counts = [getattr(self, name).value for name in _COUNTS.values()]
        label_weights = tuple(self.label_weights) if self.multi_label and self.label_weights else None
        return _compiled_area(*counts, self.curve, self.summation_method, self.multi_label, label_weights)

    def get_config(self):
        config = {
            **super().get_config(), "num_thresholds": self.num_thresholds, "curve": self.curve,
            "summation_method": self.summation_method, "multi_label": self.multi_label,
            "num_labels": self.num_labels, "label_weights": self.label_weights,
            "from_logits": self._from_logits,
        }
        if self._init_from_thresholds:
            config["thresholds"] = self.thresholds[1:-1]
        return config


def _average_over_labels(per_interval, multi_label, label_weights):
    by_label = ops.sum(per_interval, axis=0)
    if not multi_label:
        return by_label
    if label_weights is None:
        return ops.mean(by_label)
    weights = ops.convert_to_tensor(label_weights, dtype=by_label.dtype)
    return divide_no_nan(ops.sum(by_label * weights), ops.sum(weights))


def _interpolated_pr_area(tp, fp, fn):
    """Per-interval PR areas: precision varies non-linearly between thresholds, so integrate the
    interpolation of Davis & Goadrich instead of a straight line."""
    dtp = tp[:-1] - tp[1:]
    predicted_positive = tp + fp
    dp = predicted_positive[:-1] - predicted_positive[1:]
    slope = divide_no_nan(dtp, ops.maximum(dp, 0.0))
    intercept = tp[1:] - slope * predicted_positive[1:]
    both_positive = ops.logical_and(ops.greater(predicted_positive[:-1], 0),
                                    ops.greater(predicted_positive[1:], 0))
    ratio = divide_no_nan(predicted_positive[:-1], ops.maximum(predicted_positive[1:], 0.0))
    ratio = ops.where(both_positive, ratio, 1.0)
    return divide_no_nan(slope * (dtp + intercept * ops.log(ratio)), ops.maximum(tp[1:] + fn[1:], 0.0))


def _area(tp, fp, tn, fn, curve, summation_method, multi_label, label_weights):
    if curve == "PR" and summation_method == "interpolation":
        return _average_over_labels(_interpolated_pr_area(tp, fp, fn), multi_label, label_weights)
    recall = divide_no_nan(tp, tp + fn)
    if curve == "ROC":
        x, y = divide_no_nan(fp, fp + tn), recall
    else:
        x, y = recall, divide_no_nan(tp, tp + fp)
    if summation_method == "interpolation":
        heights = (y[:-1] + y[1:]) / 2.0
    elif summation_method == "minoring":
        heights = ops.minimum(y[:-1], y[1:])
    else:
        heights = ops.maximum(y[:-1], y[1:])
    return _average_over_labels((x[:-1] - x[1:]) * heights, multi_label, label_weights)


# One compiled computation, so reading the result eagerly costs one dispatch.
_compiled_area = backend.jit(_area, static_argnums=(4, 5, 6, 7))
