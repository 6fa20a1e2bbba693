"""LossScaleOptimizer: dynamic loss scaling around another optimizer, against float16 gradient underflow.

The trainer differentiates `scale_loss(loss)` (the loss times the current scale); `apply` divides the
gradients by the scale and applies the inner optimizer only when they are all finite. A step with an
inf/NaN gradient is skipped and halves the scale; `dynamic_growth_steps` finite steps in a row double it.
All of it is `where`-selection inside the compiled step (no host round trip).
"""
from kerax import ops
from kerax.optimizers.conditional import apply_if
from kerax.optimizers.optimizer import Optimizer
from kerax.serialization import registry as serialization

# Arguments Keras's LossScaleOptimizer configs may carry at their defaults; any other value is refused.
_BASE_DEFAULTS = {"weight_decay": None, "clipnorm": None, "global_clipnorm": None, "clipvalue": None,
                  "use_ema": False, "ema_momentum": 0.99, "ema_overwrite_frequency": None,
                  "loss_scale_factor": None, "gradient_accumulation_steps": None}


def _check_arguments(kwargs):
    if not kwargs.pop("dynamic", True):
        raise ValueError("LossScaleOptimizer no longer supports `dynamic=False`. Instead, simply set "
                         "`loss_scale_factor` directly on the `inner_optimizer`.")
    for name, default in _BASE_DEFAULTS.items():
        if name in kwargs and kwargs.pop(name) != default:
            raise ValueError(f"LossScaleOptimizer does not support `{name}`. Instead, set `{name}` on the "
                             "`inner_optimizer`.")
    if kwargs:
        raise ValueError(f"LossScaleOptimizer does not support arguments: `{'`, `'.join(kwargs)}`.")


class LossScaleOptimizer(Optimizer):
    def __init__(self, inner_optimizer, initial_scale=2.0**15, dynamic_growth_steps=2000, name=None,
                 **kwargs):
        _check_arguments(kwargs)
        if not isinstance(inner_optimizer, Optimizer):
            raise TypeError("LossScaleOptimizer wraps a kerax optimizer instance (e.g. "
                            f"`LossScaleOptimizer(kerax.optimizers.Adam())`). Received: {inner_optimizer!r}")
        super().__init__(learning_rate=0.0, name=name or "loss_scale_optimizer")
        self.inner_optimizer = inner_optimizer
        self.initial_scale = initial_scale
        self.dynamic_growth_steps = dynamic_growth_steps
        self.inner_optimizer.loss_scale_factor = None  # scaled here, so not twice

    def build(self, var_list):
        if self.built:
            return
        self.step_counter = self.add_variable((), initializer="zeros", dtype="int32", name="step_counter")
        self.dynamic_scale = self.add_variable((), initializer=float(self.initial_scale), dtype="float32",
                                               name="dynamic_scale")
        self.inner_optimizer.build(var_list)
        super().build(var_list)

    @property
    def variables(self):
        return list(self._variables) + self.inner_optimizer.variables

    def check_finite(self, grads):
        return ops.all(ops.stack([ops.all(ops.isfinite(g)) for g in grads if g is not None]))

    def apply(self, grads, trainable_variables=None):
        if trainable_variables is None:
            trainable_variables = self._trainable_variables
        trainable_variables = list(trainable_variables)
        self.build(trainable_variables)
        grads = list(grads)
        finite = self.check_finite(grads)
        scale = self.dynamic_scale.value
        unscaled = [None if g is None else g / ops.cast(scale, g.dtype) for g in grads]
        touched = trainable_variables + self.inner_optimizer.variables
        apply_if(finite, touched, lambda: self.inner_optimizer.apply(unscaled, trainable_variables))
        grow = ops.logical_and(finite, ops.equal(self.step_counter.value, self.dynamic_growth_steps - 1))
        self.dynamic_scale.assign(ops.where(finite, ops.where(grow, scale * 2.0, scale), scale * 0.5))
        self.step_counter.assign(ops.where(ops.logical_and(finite, ops.logical_not(grow)),
                                           self.step_counter.value + 1, 0))

    def scale_loss(self, loss):
        scale = self.dynamic_scale.value if self.built else self.initial_scale
        return loss * ops.cast(scale, loss.dtype)

    @property
    def learning_rate(self):
        return self.inner_optimizer.learning_rate

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        self.inner_optimizer.learning_rate = learning_rate

    lr = learning_rate

    @property
    def iterations(self):
        return self.inner_optimizer.iterations

    def finalize_variable_values(self, var_list):
        self.inner_optimizer.finalize_variable_values(var_list)

    def get_config(self):
        return {"name": self.name, "inner_optimizer": serialization.serialize(self.inner_optimizer),
                "initial_scale": self.initial_scale, "dynamic_growth_steps": self.dynamic_growth_steps}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from kerax.optimizers import deserialize  # cycle: the package registry lists this class
        config = dict(config)
        inner = deserialize(config.pop("inner_optimizer"), custom_objects=custom_objects)
        return cls(inner, **config)
