"""Counts of true/false positives/negatives, Precision and Recall, at one or several thresholds."""
from kerax import ops
from kerax.losses.loss import divide_no_nan
from kerax.metrics.confusion_counts import NEG_INF, confusion_counts, parse_thresholds
from kerax.metrics.metric import Metric


def _first_if_single(values, thresholds):
    return values[0] if len(thresholds) == 1 else values


def _thresholds_config(thresholds):
    if thresholds is None or isinstance(thresholds, (int, float)):
        return thresholds
    return [float(t) for t in thresholds]


class _ThresholdMetric(Metric):
    """Accumulates the confusion counts named in `COUNTS` (one variable each, one entry per threshold)."""

    COUNTS = {}  # count key ('tp', ...) -> variable name, also the attribute holding the variable

    def __init__(self, thresholds=None, top_k=None, class_id=None, name=None, dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.init_thresholds = _thresholds_config(thresholds)
        self.top_k = top_k
        self.class_id = class_id
        self.thresholds = parse_thresholds(thresholds, 0.5 if top_k is None else NEG_INF)
        for variable_name in self.COUNTS.values():
            setattr(self, variable_name, self.add_variable((len(self.thresholds),), name=variable_name))

    def update_state(self, y_true, y_pred, sample_weight=None):
        counts = confusion_counts(y_true, y_pred, self.thresholds, sample_weight=sample_weight,
                                  top_k=self.top_k, class_id=self.class_id)
        for key, variable_name in self.COUNTS.items():
            variable = getattr(self, variable_name)
            variable.assign(variable.value + counts[key])

    def get_config(self):
        return {**super().get_config(), "thresholds": self.init_thresholds}


class _Count(_ThresholdMetric):
    def __init__(self, thresholds=None, name=None, dtype=None):
        super().__init__(thresholds=thresholds, name=name, dtype=dtype)

    def result(self):
        return _first_if_single(ops.convert_to_tensor(self.accumulator.value), self.thresholds)


class TruePositives(_Count):
    COUNTS = {"tp": "accumulator"}


class FalsePositives(_Count):
    COUNTS = {"fp": "accumulator"}


class TrueNegatives(_Count):
    COUNTS = {"tn": "accumulator"}


class FalseNegatives(_Count):
    COUNTS = {"fn": "accumulator"}


class _Rate(_ThresholdMetric):
    """true positives / (true positives + the other count), restricted to `top_k` scores or one `class_id`."""

    def result(self):
        tp = self.true_positives.value
        other = getattr(self, self.COUNTS[self.OTHER]).value
        return _first_if_single(divide_no_nan(tp, tp + other), self.thresholds)

    def get_config(self):
        return {**super().get_config(), "top_k": self.top_k, "class_id": self.class_id}


class Precision(_Rate):
    """tp / (tp + fp): of the predictions called positive, the fraction that are."""

    COUNTS = {"tp": "true_positives", "fp": "false_positives"}
    OTHER = "fp"


class Recall(_Rate):
    """tp / (tp + fn): of the positive labels, the fraction predicted positive."""

    COUNTS = {"tp": "true_positives", "fn": "false_negatives"}
    OTHER = "fn"
