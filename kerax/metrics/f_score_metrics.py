"""F-beta and F1 scores from true positive, false positive and false negative counts per class."""
from kerax import backend, ops
from kerax.losses.loss import squeeze_or_expand_to_same_rank
from kerax.metrics.metric import Metric

AVERAGES = (None, "micro", "macro", "weighted")
_COUNTS = ("true_positives", "false_positives", "false_negatives", "intermediate_weights")


def _check_arguments(average, beta, threshold):
    if average not in AVERAGES:
        raise ValueError(f"Invalid `average` argument value. Expected one of: {AVERAGES}. Received: "
                         f"average={average}")
    if not isinstance(beta, float) or beta <= 0.0:
        raise ValueError(f"Invalid `beta` argument value. It should be a Python float > 0. Received: "
                         f"beta={beta!r} of type {type(beta).__name__}")
    if threshold is not None and (not isinstance(threshold, float) or not 0.0 < threshold <= 1.0):
        raise ValueError(f"Invalid `threshold` argument value. It should be a Python float with "
                         f"0 < threshold <= 1. Received: threshold={threshold!r}")


class FBetaScore(Metric):
    """`(1 + beta**2) * precision * recall / (beta**2 * precision + recall)` per class (`average=None`), or
    averaged: 'micro' (from the summed counts), 'macro' (unweighted mean), 'weighted' (by support).
    Predictions above `threshold` count as positive; with `threshold=None`, each row's highest score does."""

    def __init__(self, average=None, beta=1.0, threshold=None, name="fbeta_score", dtype=None):
        _check_arguments(average, beta, threshold)
        super().__init__(name=name, dtype=dtype)
        self.average = average
        self.beta = beta
        self.threshold = threshold
        self.axis = None if average == "micro" else 0
        self._built = False

    def build_from_shapes(self, y_true_shape, y_pred_shape):
        if self._built:
            return
        if len(y_pred_shape) != 2 or y_pred_shape[-1] is None:
            raise ValueError(
                f"{type(self).__name__} expects 2D inputs with shape (batch_size, output_dim), output_dim "
                f"known. Received input shapes: y_pred.shape={tuple(y_pred_shape)} and "
                f"y_true.shape={y_true_shape}.")
        shape = () if self.average == "micro" else (y_pred_shape[-1],)
        for name in _COUNTS:
            setattr(self, name, self.add_variable(shape, name=name))
        self._built = True

    def _predicted_positive(self, y_pred):
        if self.threshold is not None:
            return ops.greater(y_pred, self.threshold)
        # The row maximum, but never an all-zero row turned into all ones.
        return ops.logical_and(y_pred >= ops.max(y_pred, axis=-1, keepdims=True), ops.abs(y_pred) > 1e-9)

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = ops.convert_to_tensor(y_true, dtype=self.dtype)
        y_pred = ops.convert_to_tensor(y_pred, dtype=self.dtype)
        y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
        self.build_from_shapes(y_true.shape, y_pred.shape)
        y_pred = ops.cast(self._predicted_positive(y_pred), self.dtype)
        weights = 1.0 if sample_weight is None else ops.reshape(
            ops.convert_to_tensor(sample_weight, dtype=self.dtype), (-1, 1))
        updates = (y_pred * y_true, y_pred * (1 - y_true), (1 - y_pred) * y_true, y_true)
        for name, value in zip(_COUNTS, updates):
            variable = getattr(self, name)
            variable.assign(variable.value + ops.sum(value * weights, axis=self.axis))

    def result(self):
        eps = backend.epsilon()
        tp = self.true_positives.value
        precision = tp / (tp + self.false_positives.value + eps)
        recall = tp / (tp + self.false_negatives.value + eps)
        b2 = self.beta**2
        score = (1 + b2) * precision * recall / (b2 * precision + recall + eps)
        if self.average == "weighted":
            support = self.intermediate_weights.value
            return ops.sum(score * support / (ops.sum(support) + eps))
        return score if self.average is None else ops.mean(score)

    def get_config(self):
        return {**super().get_config(), "average": self.average, "beta": self.beta,
                "threshold": self.threshold}


class F1Score(FBetaScore):
    """The F-beta score with beta = 1: the harmonic mean of precision and recall."""

    def __init__(self, average=None, threshold=None, name="f1_score", dtype=None):
        super().__init__(average=average, beta=1.0, threshold=threshold, name=name, dtype=dtype)

    def get_config(self):
        config = super().get_config()
        del config["beta"]
        return config
