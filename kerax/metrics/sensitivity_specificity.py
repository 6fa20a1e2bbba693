"""The best value of one rate subject to a floor on another, read off confusion counts at `num_thresholds`
evenly spaced thresholds in [0, 1]: SensitivityAtSpecificity, SpecificityAtSensitivity, PrecisionAtRecall,
RecallAtPrecision."""
from kerax import ops
from kerax.losses.loss import divide_no_nan
from kerax.metrics.confusion_counts import confusion_counts
from kerax.metrics.metric import Metric

_COUNTS = {"tp": "true_positives", "fp": "false_positives", "tn": "true_negatives", "fn": "false_negatives"}


def _rates(tp, fp, tn, fn):
    return {"sensitivity": divide_no_nan(tp, tp + fn), "recall": divide_no_nan(tp, tp + fn),
            "specificity": divide_no_nan(tn, tn + fp), "precision": divide_no_nan(tp, tp + fp)}


class _RateAtRate(Metric):
    """max(RESULT rate over thresholds where the CONSTRAINT rate >= value), 0 when no threshold qualifies."""

    RESULT = CONSTRAINT = None

    def __init__(self, value, num_thresholds=200, class_id=None, name=None, dtype=None):
        if not 0 <= value <= 1:
            raise ValueError(f"Argument `{self.CONSTRAINT}` must be in the range [0, 1]. "
                             f"Received: {self.CONSTRAINT}={value}")
        if num_thresholds <= 0:
            raise ValueError(f"Argument `num_thresholds` must be an integer > 0. "
                             f"Received: num_thresholds={num_thresholds}")
        super().__init__(name=name, dtype=dtype)
        self.value = value
        self.num_thresholds = num_thresholds
        self.class_id = class_id
        self._evenly_spaced = num_thresholds > 1
        last = num_thresholds - 1
        self.thresholds = [0.5] if num_thresholds == 1 else [i / last for i in range(num_thresholds)]
        for variable_name in _COUNTS.values():
            setattr(self, variable_name, self.add_variable((len(self.thresholds),), name=variable_name))

    def update_state(self, y_true, y_pred, sample_weight=None):
        counts = confusion_counts(y_true, y_pred, self.thresholds, sample_weight=sample_weight,
                                  class_id=self.class_id, evenly_spaced=self._evenly_spaced)
        for key, variable_name in _COUNTS.items():
            variable = getattr(self, variable_name)
            variable.assign(variable.value + counts[key])

    def result(self):
        rates = _rates(*(getattr(self, name).value for name in _COUNTS.values()))
        feasible = ops.greater_equal(rates[self.CONSTRAINT], self.value)
        return ops.max(ops.where(feasible, rates[self.RESULT], 0.0), initial=0.0)

    def get_config(self):
        return {**super().get_config(), "num_thresholds": self.num_thresholds, self.CONSTRAINT: self.value,
                "class_id": self.class_id}


class SensitivityAtSpecificity(_RateAtRate):
    RESULT, CONSTRAINT = "sensitivity", "specificity"

    def __init__(self, specificity, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(specificity, num_thresholds, class_id, name=name, dtype=dtype)


class SpecificityAtSensitivity(_RateAtRate):
    RESULT, CONSTRAINT = "specificity", "sensitivity"

    def __init__(self, sensitivity, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(sensitivity, num_thresholds, class_id, name=name, dtype=dtype)


class PrecisionAtRecall(_RateAtRate):
    RESULT, CONSTRAINT = "precision", "recall"

    def __init__(self, recall, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(recall, num_thresholds, class_id, name=name, dtype=dtype)


class RecallAtPrecision(_RateAtRate):
    RESULT, CONSTRAINT = "recall", "precision"

    def __init__(self, precision, num_thresholds=200, class_id=None, name=None, dtype=None):
        super().__init__(precision, num_thresholds, class_id, name=name, dtype=dtype)
