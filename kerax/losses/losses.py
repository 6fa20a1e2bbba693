"""Loss classes: each wraps one loss function and its arguments, as in
`CategoricalCrossentropy(from_logits=True)`."""
from kerax import ops
from kerax.serialization import registry as serialization
from kerax.losses import hinge_losses as hinge_fns
from kerax.losses import probabilistic as prob
from kerax.losses import regression as reg
from kerax.losses.loss import Loss, squeeze_or_expand_to_same_rank

_DEFAULT = "sum_over_batch_size"


class LossFunctionWrapper(Loss):
    """A Loss computing `fn(y_true, y_pred, **kwargs)`; any `fn(y_true, y_pred)` can be wrapped."""

    def __init__(self, fn, reduction=_DEFAULT, name=None, dtype=None, **kwargs):
        super().__init__(name=name or getattr(fn, "__name__", None), reduction=reduction, dtype=dtype)
        self.fn = fn
        self._fn_kwargs = kwargs

    def call(self, y_true, y_pred):
        y_true, y_pred = squeeze_or_expand_to_same_rank(y_true, y_pred)
        return self.fn(y_true, y_pred, **self._fn_kwargs)

    def get_config(self):
        config = {**super().get_config(), **self._fn_kwargs}
        if type(self) is LossFunctionWrapper:
            config["fn"] = serialization.serialize(self.fn)
        return config

    @classmethod
    def from_config(cls, config):
        if "fn" in config:
            from kerax.losses.registry import deserialize  # cycle: the registry lists this class
            config = {**config, "fn": deserialize(config["fn"])}
        return cls(**config)


class MeanSquaredError(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="mean_squared_error", dtype=None):
        super().__init__(reg.mean_squared_error, reduction=reduction, name=name, dtype=dtype)


class MeanAbsoluteError(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="mean_absolute_error", dtype=None):
        super().__init__(reg.mean_absolute_error, reduction=reduction, name=name, dtype=dtype)


class MeanAbsolutePercentageError(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="mean_absolute_percentage_error", dtype=None):
        super().__init__(reg.mean_absolute_percentage_error, reduction=reduction, name=name, dtype=dtype)


class MeanSquaredLogarithmicError(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="mean_squared_logarithmic_error", dtype=None):
        super().__init__(reg.mean_squared_logarithmic_error, reduction=reduction, name=name, dtype=dtype)


class LogCosh(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="log_cosh", dtype=None):
        super().__init__(reg.log_cosh, reduction=reduction, name=name, dtype=dtype)


class Huber(LossFunctionWrapper):
    def __init__(self, delta=1.0, reduction=_DEFAULT, name="huber_loss", dtype=None):
        super().__init__(reg.huber, reduction=reduction, name=name, dtype=dtype, delta=delta)


class CosineSimilarity(LossFunctionWrapper):
    def __init__(self, axis=-1, reduction=_DEFAULT, name="cosine_similarity", dtype=None):
        super().__init__(reg.cosine_similarity, reduction=reduction, name=name, dtype=dtype, axis=axis)


class Hinge(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="hinge", dtype=None):
        super().__init__(hinge_fns.hinge, reduction=reduction, name=name, dtype=dtype)


class SquaredHinge(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="squared_hinge", dtype=None):
        super().__init__(hinge_fns.squared_hinge, reduction=reduction, name=name, dtype=dtype)


class CategoricalHinge(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="categorical_hinge", dtype=None):
        super().__init__(hinge_fns.categorical_hinge, reduction=reduction, name=name, dtype=dtype)


class KLDivergence(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="kl_divergence", dtype=None):
        super().__init__(prob.kl_divergence, reduction=reduction, name=name, dtype=dtype)


class Poisson(LossFunctionWrapper):
    def __init__(self, reduction=_DEFAULT, name="poisson", dtype=None):
        super().__init__(prob.poisson, reduction=reduction, name=name, dtype=dtype)


class BinaryCrossentropy(LossFunctionWrapper):
    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1, reduction=_DEFAULT,
                 name="binary_crossentropy", dtype=None):
        super().__init__(prob.binary_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         from_logits=from_logits, label_smoothing=label_smoothing, axis=axis)


class BinaryFocalCrossentropy(LossFunctionWrapper):
    def __init__(self, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False,
                 label_smoothing=0.0, axis=-1, reduction=_DEFAULT, name="binary_focal_crossentropy",
                 dtype=None):
        super().__init__(prob.binary_focal_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         apply_class_balancing=apply_class_balancing, alpha=alpha, gamma=gamma,
                         from_logits=from_logits, label_smoothing=label_smoothing, axis=axis)


class CategoricalCrossentropy(LossFunctionWrapper):
    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1, reduction=_DEFAULT,
                 name="categorical_crossentropy", dtype=None):
        super().__init__(prob.categorical_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         from_logits=from_logits, label_smoothing=label_smoothing, axis=axis)


class CategoricalFocalCrossentropy(LossFunctionWrapper):
    def __init__(self, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1,
                 reduction=_DEFAULT, name="categorical_focal_crossentropy", dtype=None):
        super().__init__(prob.categorical_focal_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         alpha=alpha, gamma=gamma, from_logits=from_logits, label_smoothing=label_smoothing,
                         axis=axis)


class CategoricalGeneralizedCrossEntropy(LossFunctionWrapper):
    def __init__(self, q=0.5, reduction=_DEFAULT, name="categorical_generalized_cross_entropy", dtype=None):
        if not 0 < q < 1:
            raise ValueError(f"q must be in the interval (0, 1). Received: q={q}")
        super().__init__(prob.categorical_generalized_cross_entropy, reduction=reduction, name=name,
                         dtype=dtype, q=q)


class SparseCategoricalCrossentropy(LossFunctionWrapper):
    def __init__(self, from_logits=False, ignore_class=None, axis=-1, reduction=_DEFAULT,
                 name="sparse_categorical_crossentropy", dtype=None):
        super().__init__(prob.sparse_categorical_crossentropy, reduction=reduction, name=name, dtype=dtype,
                         from_logits=from_logits, ignore_class=ignore_class, axis=axis)

    def sample_mask(self, y_true, y_pred, values):
        """With `ignore_class`, entries with that label leave the mean (Keras 3's masking)."""
        ignore_class = self._fn_kwargs["ignore_class"]
        if ignore_class is None:
            return None
        if len(y_true.shape) == len(y_pred.shape) and y_true.shape[-1] == 1:
            y_true = ops.squeeze(y_true, -1)
        return ops.not_equal(y_true, ignore_class)
