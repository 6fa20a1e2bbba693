"""R2Score: the coefficient of determination, from running per-output sums (one pass, any batch order)."""
from kerax import ops
from kerax.losses.loss import divide_no_nan, squeeze_or_expand_to_same_rank
from kerax.metrics.metric import Metric

AGGREGATIONS = (None, "uniform_average", "variance_weighted_average")
_SUMS = ("squared_sum", "sum", "total_mse", "count")


class R2Score(Metric):
    """`1 - sum((y_true - y_pred)**2) / sum((y_true - mean(y_true))**2)` per output column, aggregated by
    `class_aggregation`; with `num_regressors` p > 0, the adjusted `1 - (1 - R2)(n - 1) / (n - p - 1)`
    (the plain score when n - p - 1 <= 0, as Keras falls back)."""

    def __init__(self, class_aggregation="uniform_average", num_regressors=0, name="r2_score", dtype=None):
        if class_aggregation not in AGGREGATIONS:
            raise ValueError("Invalid value for argument `class_aggregation`. Expected one of "
                             f"{AGGREGATIONS}. Received: class_aggregation={class_aggregation}")
        if num_regressors < 0:
            raise ValueError(f"Invalid value for argument `num_regressors`. Expected a value >= 0. "
                             f"Received: num_regressors={num_regressors}")
        super().__init__(name=name, dtype=dtype)
        self.class_aggregation = class_aggregation
        self.num_regressors = num_regressors
        self.num_samples = self.add_variable((), name="num_samples")
        self._built = False

    def build_from_shapes(self, y_true_shape, y_pred_shape):
        if self._built:
            return
        if len(y_pred_shape) == 1:  # (n,) predictions against (n,) labels: one output
            y_pred_shape = tuple(y_pred_shape) + (1,)
        if len(y_pred_shape) != 2 or y_pred_shape[-1] is None:
            raise ValueError("R2Score expects 2D inputs with shape (batch_size, output_dim), output_dim "
                             f"known. Received input shapes: y_pred.shape={tuple(y_pred_shape)} and "
                             f"y_true.shape={y_true_shape}.")
        for name in _SUMS:
            setattr(self, name, self.add_variable((y_pred_shape[-1],), name=name))
        self._built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_true = ops.convert_to_tensor(y_true, dtype=self.dtype)
        y_pred = ops.convert_to_tensor(y_pred, dtype=self.dtype)
        y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
        if len(y_true.shape) == 1:
            y_true, y_pred = y_true[:, None], y_pred[:, None]
        self.build_from_shapes(y_true.shape, y_pred.shape)
        weights = ops.ones_like(y_true)
        if sample_weight is not None:
            sample_weight = ops.convert_to_tensor(sample_weight, dtype=self.dtype)
            if len(sample_weight.shape) == 1:
                sample_weight = sample_weight[:, None]
            weights = weights * sample_weight
        weighted_true = y_true * weights
        updates = (y_true * weighted_true, weighted_true, ops.square(y_true - y_pred) * weights, weights)
        for name, value in zip(_SUMS, updates):
            variable = getattr(self, name)
            variable.assign(variable.value + ops.sum(value, axis=0))
        counted = ops.sum(ops.cast(ops.not_equal(weights, 0), self.dtype))  # padding rows are not samples
        self.num_samples.assign(self.num_samples.value + counted)

    def result(self):
        total = self.squared_sum.value - self.sum.value * self.sum.value / self.count.value
        scores = 1.0 - self.total_mse.value / total
        scores = ops.where(ops.isinf(scores), 0.0, scores)
        if self.class_aggregation == "uniform_average":
            scores = ops.mean(scores)
        elif self.class_aggregation == "variance_weighted_average":
            scores = divide_no_nan(ops.sum(total * scores), ops.sum(total))
        if not self.num_regressors:
            return scores
        n, p = self.num_samples.value, float(self.num_regressors)
        adjusted = 1.0 - (1.0 - scores) * (n - 1.0) / ops.where(n - p - 1.0 > 0, n - p - 1.0, 1.0)
        return ops.where(n - p - 1.0 > 0, adjusted, scores)

    def get_config(self):
        return {**super().get_config(), "class_aggregation": self.class_aggregation,
                "num_regressors": self.num_regressors}
