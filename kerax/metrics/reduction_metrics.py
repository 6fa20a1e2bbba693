"""Mean, Sum, MeanMetricWrapper and MeanTensor: metrics that accumulate (weighted) values."""
from kerax import ops
from kerax.serialization import registry as serialization
from kerax.losses.loss import broadcast_weights, divide_no_nan, squeeze_or_expand_to_same_rank
from kerax.metrics.metric import Metric


def reduce_to_samplewise_values(values, sample_weight, reduce_fn, dtype):
    """(one value per sample, one weight per sample or None).

    Values are first reduced to the rank of the weights (so a (batch, time) weight weighs each step), then
    weighted, then reduced to one value per sample; weights are reduced the same way.
    """
    values = ops.cast(values, dtype)
    if sample_weight is not None:
        sample_weight = ops.cast(sample_weight, dtype)
        values, sample_weight = squeeze_or_expand_to_same_rank(values, sample_weight)
        weight_rank, value_rank = len(sample_weight.shape), len(values.shape)
        if value_rank > weight_rank:
            values = reduce_fn(values, axis=tuple(range(weight_rank, value_rank)))
        values = values * sample_weight
        sample_weight = ops.broadcast_to(sample_weight, values.shape)
        if weight_rank > 1:
            sample_weight = reduce_fn(sample_weight, axis=tuple(range(1, weight_rank)))
    if len(values.shape) > 1:
        values = reduce_fn(values, axis=tuple(range(1, len(values.shape))))
    return values, sample_weight


class Mean(Metric):
    """The weighted mean of all values seen: sum(values * weights) / sum(weights)."""

    def __init__(self, name="mean", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable((), name="total")
        self.count = self.add_variable((), name="count")

    def update_state(self, values, sample_weight=None):
        values, sample_weight = reduce_to_samplewise_values(values, sample_weight, ops.mean, self.dtype)
        self.total.assign(self.total.value + ops.sum(values))
        if sample_weight is not None:
            count = ops.sum(sample_weight)
        else:
            count = values.shape[0] if len(values.shape) else 1
        self.count.assign(self.count.value + ops.cast(count, self.dtype))

    def result(self):
        return divide_no_nan(self.total.value, self.count.value)


class Sum(Metric):
    """The (weighted) sum of all values seen."""

    def __init__(self, name="sum", dtype=None):
        super().__init__(name=name, dtype=dtype)
        self.total = self.add_variable((), name="total")

    def update_state(self, values, sample_weight=None):
        values, _ = reduce_to_samplewise_values(values, sample_weight, ops.sum, self.dtype)
        self.total.assign(self.total.value + ops.sum(values))

    def result(self):
        return ops.convert_to_tensor(self.total.value)


class MeanMetricWrapper(Mean):
    """The running mean of `fn(y_true, y_pred, **kwargs)` over all samples seen."""

    def __init__(self, fn, name=None, dtype=None, **kwargs):
        super().__init__(name=name or getattr(fn, "__name__", None), dtype=dtype)
        self._fn = fn
        self._fn_kwargs = kwargs

    def update_state(self, y_true, y_pred, sample_weight=None):
        values = self._fn(y_true, y_pred, **self._fn_kwargs)
        super().update_state(values, sample_weight=sample_weight)

    def get_config(self):
        config = {**super().get_config(), **self._fn_kwargs}
        if type(self) is MeanMetricWrapper:
            config["fn"] = serialization.serialize(self._fn)
        return config

    @classmethod
    def from_config(cls, config):
        if "fn" in config:
            from kerax.metrics.registry import deserialize  # cycle: the registry lists this class
            config = {**config, "fn": deserialize(config["fn"])}
        return cls(**config)


class MeanTensor(Metric):
    """tf.keras's element-wise (weighted) mean of same-shaped tensors; `shape` fixes the state's shape up
    front, otherwise the first `update_state` does."""

    def __init__(self, name="mean_tensor", dtype=None, shape=None):
        super().__init__(name=name, dtype=dtype)
        self._shape = None
        if shape is not None:
            self._build(shape)

    def _build(self, shape):
        self._shape = tuple(shape)
        self.total = self.add_variable(self._shape, name="total")
        self.count = self.add_variable(self._shape, name="count")

    def update_state(self, values, sample_weight=None):
        values = ops.cast(values, self.dtype)
        if self._shape is None:
            self._build(values.shape)
        elif tuple(values.shape) != self._shape:
            raise ValueError("MeanTensor input values must always have the same shape. Expected shape (set "
                             f"during the first call): {self._shape}. Got: {tuple(values.shape)}.")
        weights = ops.ones_like(values)
        if sample_weight is not None:
            weights = weights * broadcast_weights(sample_weight, values)
        self.total.assign(self.total.value + values * weights)
        self.count.assign(self.count.value + weights)

    def result(self):
        if self._shape is None:
            raise ValueError("MeanTensor does not have any value yet. Please call the MeanTensor instance or "
                             "use `.update_state(value)` before retrieving the result.")
        return divide_no_nan(self.total.value, self.count.value)

    def get_config(self):
        return {**super().get_config(), "shape": None if self._shape is None else list(self._shape)}
