"""The Loss base class and the weighted reduction every loss (and the trainer) uses."""
from kerax import backend, ops
from kerax.backend import dtypes
from kerax.backend import naming

REDUCTIONS = ("sum_over_batch_size", "sum", "none", "mean", "mean_with_sample_weight")
_OLD_REDUCTIONS = {"auto": "sum_over_batch_size", None: "none"}


class Reduction:
    """tf.keras's `tf.keras.losses.Reduction` constants."""

    AUTO = "auto"
    NONE = "none"
    SUM = "sum"
    SUM_OVER_BATCH_SIZE = "sum_over_batch_size"

    @classmethod
    def all(cls):
        return (cls.AUTO, cls.NONE, cls.SUM, cls.SUM_OVER_BATCH_SIZE)

    @classmethod
    def validate(cls, key):
        standardize_reduction(key)


def standardize_reduction(reduction):
    reduction = _OLD_REDUCTIONS.get(reduction, reduction)
    if reduction not in REDUCTIONS:
        raise ValueError(
            f"Invalid value for argument `reduction`. Expected one of {REDUCTIONS} (or tf.keras's 'auto'). "
            f"Received: reduction={reduction!r}"
        )
    return reduction


def squeeze_or_expand_to_same_rank(x1, x2, expand_rank_1=True):
    """Makes ranks equal when they differ by a trailing dimension of size 1 ((batch,) vs (batch, 1))."""
    rank1, rank2 = len(x1.shape), len(x2.shape)
    if rank1 == rank2 + 1 and x1.shape[-1] == 1:
        if rank2 == 1 and expand_rank_1:
            x2 = ops.expand_dims(x2, -1)
        else:
            x1 = ops.squeeze(x1, -1)
    elif rank2 == rank1 + 1 and x2.shape[-1] == 1:
        if rank1 == 1 and expand_rank_1:
            x1 = ops.expand_dims(x1, -1)
        else:
            x2 = ops.squeeze(x2, -1)
    return x1, x2


def broadcast_weights(weights, values):
    """`weights` cast and broadcast against `values`: a per-sample weight of lower rank covers every
    entry of its sample."""
    weights = ops.cast(weights, values.dtype)
    _, weights = squeeze_or_expand_to_same_rank(values, weights, expand_rank_1=False)
    while len(weights.shape) < len(values.shape):
        weights = ops.expand_dims(weights, -1)
    return weights


def reduce_weighted_values(values, sample_weight=None, mask=None, reduction="sum_over_batch_size"):
    """Reduces per-sample loss values as Keras 3 does.

    'sum_over_batch_size' divides the weighted sum by the number of entries (by the number of unmasked
    entries when a mask is given); 'mean_with_sample_weight' divides by the sum of the weights.
    """
    reduction = standardize_reduction(reduction)
    values = ops.convert_to_tensor(values)
    weights = None if sample_weight is None else broadcast_weights(sample_weight, values)
    if mask is not None:
        mask = broadcast_weights(mask, values)
        weights = mask if weights is None else weights * mask
    if weights is not None:
        values = values * weights
    if reduction == "none" or len(values.shape) == 0:
        return values
    total = ops.sum(values)
    if reduction == "sum":
        return total
    if reduction == "mean_with_sample_weight" and weights is not None:
        divisor = ops.sum(ops.broadcast_to(weights, values.shape))
    elif mask is not None:
        divisor = ops.sum(ops.broadcast_to(mask, values.shape))
    else:
        divisor = ops.cast(ops.size(values), total.dtype)
    return divide_no_nan(total, divisor)


def divide_no_nan(x, y):
    """x / y, and 0 where y == 0."""
    zero = ops.equal(y, 0)
    return ops.where(zero, 0.0, x / ops.where(zero, 1.0, y))


def to_float(x):
    x = ops.convert_to_tensor(x)
    return x if dtypes.is_float(x.dtype) else ops.cast(x, backend.floatx())


def prepare_pair(y_true, y_pred):
    """y_pred as floats, y_true in the same dtype, ranks matched: what every elementwise loss starts with."""
    y_pred = to_float(y_pred)
    y_true = ops.convert_to_tensor(y_true, dtype=y_pred.dtype)
    return squeeze_or_expand_to_same_rank(y_true, y_pred)


class Loss:
    """Base class: subclasses implement `call(y_true, y_pred)` returning unreduced per-sample values."""

    def __init__(self, name=None, reduction="sum_over_batch_size", dtype=None):
        self.name = name or naming.uniquify(naming.to_snake_case(type(self).__name__))
        self.reduction = standardize_reduction(reduction)
        self._dtype = None if dtype is None else backend.standardize_dtype(dtype)

    @property
    def dtype(self):
        return self._dtype or backend.floatx()

    def __call__(self, y_true, y_pred, sample_weight=None):
        y_pred = ops.convert_to_tensor(y_pred, dtype=self.dtype)
        y_true = ops.convert_to_tensor(y_true, dtype=self.dtype)
        values = self.call(y_true, y_pred)
        mask = self.sample_mask(y_true, y_pred, values)
        return reduce_weighted_values(values, sample_weight, mask, self.reduction)

    def call(self, y_true, y_pred):
        raise NotImplementedError(f"{type(self).__name__} must implement `call(y_true, y_pred)`.")

    def sample_mask(self, y_true, y_pred, values):
        """Which entries of `call`'s output `values` count (None: all). Masked entries leave the mean's
        divisor, as Keras's masks on loss values do."""
        return None

    def get_config(self):
        config = {"name": self.name, "reduction": self.reduction}
        if self._dtype is not None:
            config["dtype"] = self._dtype
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r}>"
