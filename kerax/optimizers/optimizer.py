"""The Optimizer base: its state as Variables, the shared `apply` pipeline, and its config.

Subclasses define `build(var_list)` (slot variables) and `update_step(gradient, variable, learning_rate)`,
written in stateful `.assign` style: inside a compiled train step they run under a StatelessScope, where
reads return traced values and assignments are recorded. The step count and the learning rate are Variables
too, so changing the rate (or a schedule advancing) never recompiles the step.
"""
import re
import warnings

import numpy as np

from kerax import backend, ops
from kerax.optimizers import accumulation, clipping, ema
from kerax.optimizers import schedules as schedules_module
from kerax.backend import naming

# Keys that tf.keras 2.11+ writes into optimizer configs; they mean nothing here.
_IGNORED_LEGACY_KEYS = ("jit_compile", "is_legacy_optimizer")


def default_epsilon(epsilon):
    """Keras 2 accepted `epsilon=None` for "the backend's epsilon"."""
    return backend.epsilon() if epsilon is None else epsilon


class Optimizer:
    # The tf.keras 2 (optimizer_v2) class of a Keras 3 optimizer whose update differs; set by legacy.py.
    _keras2_class = None

    def __new__(cls, *args, **kwargs):
        """Given `decay=` (which only Keras 2's optimizers take) or a tf.keras legacy optimizer's config, a
        Keras 3 optimizer class builds its Keras 2 version, which updates as that code's Keras did
        (legacy.py)."""
        keras2 = cls.__dict__.get("_keras2_class")
        if keras2 is not None and ("decay" in kwargs or "schedule_decay" in kwargs
                                   or kwargs.get("is_legacy_optimizer")):
            return super().__new__(keras2)
        return super().__new__(cls)

    def __init__(self, learning_rate, weight_decay=None, clipnorm=None, clipvalue=None, global_clipnorm=None,
                 use_ema=False, ema_momentum=0.99, ema_overwrite_frequency=None, loss_scale_factor=None,
                 gradient_accumulation_steps=None, name=None, **legacy):
        learning_rate = self._read_legacy_arguments(learning_rate, legacy)
        if use_ema:
            ema.check_arguments(ema_momentum, ema_overwrite_frequency)
        if sum(a is not None for a in (clipnorm, clipvalue, global_clipnorm)) > 1:
            raise ValueError(
                "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set. Received: "
                f"clipnorm={clipnorm}, clipvalue={clipvalue}, global_clipnorm={global_clipnorm}"
            )
        if gradient_accumulation_steps is not None and not (
                isinstance(gradient_accumulation_steps, int) and gradient_accumulation_steps >= 2):
            raise ValueError(
                "`gradient_accumulation_steps` must be an integer >= 2. "
                f"Received: gradient_accumulation_steps={gradient_accumulation_steps}"
            )
        self.name = name or naming.to_snake_case(type(self).__name__)
        self.weight_decay = weight_decay
        self.clipnorm = clipnorm
        self.clipvalue = clipvalue
        self.global_clipnorm = global_clipnorm
        self.use_ema = bool(use_ema)
        self.ema_momentum = ema_momentum
        self.ema_overwrite_frequency = ema_overwrite_frequency
        self.loss_scale_factor = loss_scale_factor
        self.gradient_accumulation_steps = gradient_accumulation_steps
        self.built = False
        self._variables = []
        self._trainable_variables = []
        self._index = {}  # id(trainable variable) -> its position in the list `build` received
        self._excluded_ids = set()
        self._excluded_pattern = None
        self._iterations = self._track(backend.Variable(0, dtype="int32", trainable=False, name="iteration"))
        self._learning_rate = self._make_learning_rate(learning_rate)

    def _read_legacy_arguments(self, learning_rate, legacy):
        """Keras 2 spellings: `lr=` for the rate, `decay=` for lr / (1 + decay * iterations)."""
        if "lr" in legacy:
            learning_rate = legacy.pop("lr")
        self.decay = float(legacy.pop("decay", 0.0) or 0.0)
        if self.decay < 0:
            raise ValueError(f"`decay` must be >= 0. Received: decay={self.decay}")
        for key in _IGNORED_LEGACY_KEYS:
            legacy.pop(key, None)
        for key in legacy:
            raise TypeError(f"{type(self).__name__}() got an unexpected keyword argument {key!r}")
        return learning_rate

    def _make_learning_rate(self, learning_rate):
        if isinstance(learning_rate, schedules_module.LearningRateSchedule) or callable(learning_rate):
            return learning_rate
        try:
            value = float(learning_rate)
        except (TypeError, ValueError):
            raise ValueError(
                "Argument `learning_rate` should be a float, a LearningRateSchedule, or a callable taking no "
                f"arguments. Received: learning_rate={learning_rate!r}"
            ) from None
        return self._track(
            backend.Variable(value, dtype=backend.floatx(), trainable=False, name="learning_rate")
        )

    # --- state ----------------------------------------------------------------------------------------------
    def _track(self, variable):
        self._variables.append(variable)
        return variable

    @property
    def variables(self):
        return list(self._variables)

    @property
    def iterations(self):
        """The number of updates applied (micro-steps grouped when accumulating gradients)."""
        if self.gradient_accumulation_steps:
            return ops.floor_divide(self._iterations.value, self.gradient_accumulation_steps)
        return self._iterations

    @property
    def learning_rate(self):
        """The rate Variable (assign to it freely), or a schedule's value at the current step."""
        if isinstance(self._learning_rate, backend.Variable):
            return self._learning_rate
        if isinstance(self._learning_rate, schedules_module.LearningRateSchedule):
            return self._learning_rate(self._iterations)
        return self._learning_rate()

    @learning_rate.setter
    def learning_rate(self, learning_rate):
        if isinstance(learning_rate, schedules_module.LearningRateSchedule) or callable(learning_rate):
            self._variables = [v for v in self._variables if v is not self._learning_rate]
            self._learning_rate = learning_rate
        elif isinstance(self._learning_rate, backend.Variable):
            self._learning_rate.assign(learning_rate)
        else:
            raise TypeError(
                "This optimizer was created with a `LearningRateSchedule` object as its `learning_rate` "
                "constructor argument, hence its learning rate is not settable. If you need the learning "
                "rate to be settable, you should instantiate the optimizer with a float `learning_rate` "
                "argument."
            )

    lr = learning_rate  # the Keras 2 name

    def _current_learning_rate(self):
        learning_rate = ops.cast(self.learning_rate, backend.floatx())
        if self.decay:
            learning_rate = learning_rate / (1.0 + self.decay * ops.cast(self._iterations, backend.floatx()))
        return learning_rate

    # --- slot variables -------------------------------------------------------------------------------------
    def build(self, var_list):
        """Remembers the trainable variables; subclasses then add their slots. Building twice does nothing."""
        if self.built:
            return
        self._trainable_variables = list(var_list)
        self._index = {id(v): i for i, v in enumerate(self._trainable_variables)}
        if self.use_ema:
            self._model_variables_moving_average = self.add_optimizer_variables(var_list, "average")
        if self.gradient_accumulation_steps:
            self._accumulated_gradients = self.add_optimizer_variables(var_list, "gradient_accumulator")
        self.built = True

    def _get_variable_index(self, variable):
        return self._index[id(variable)]

    def add_variable(self, shape, initializer="zeros", dtype=None, aggregation="mean", name=None):
        dtype = dtype or backend.floatx()
        if callable(initializer):
            value = initializer(tuple(shape), dtype=dtype)
        elif initializer in ("zeros", "ones") or isinstance(initializer, (int, float)):
            fill = {"zeros": 0.0, "ones": 1.0}.get(initializer, initializer)
            value = np.full(tuple(shape), fill, dtype="float64" if "float" in str(dtype) else "int64")
        else:
            raise ValueError(
                f"Unknown initializer for optimizer variable {name!r}: {initializer!r}. "
                "Use 'zeros', 'ones', a number, or a callable `initializer(shape, dtype)`."
            )
        variable = backend.Variable(value, dtype=dtype, trainable=False, name=name, aggregation=aggregation)
        return self._track(variable)

    def add_variable_from_reference(self, reference_variable, name=None, initializer="zeros"):
        """A slot shaped like `reference_variable`, named after its path (e.g. `dense_kernel_momentum`)."""
        prefix = str(getattr(reference_variable, "path", reference_variable.name)).replace("/", "_")
        return self.add_variable(reference_variable.shape, initializer, reference_variable.dtype,
                                 name=f"{prefix}_{name or 'var'}")

    def add_optimizer_variables(self, trainable_variables, name, initializer="zeros"):
        """One slot per variable for `name`. A list of names (with one initializer or a list of them) gives a
        list of slot lists, created interleaved per variable: the order Keras saves them in."""
        names = [name] if isinstance(name, str) else list(name)
        initializers = initializer if isinstance(initializer, (list, tuple)) else [initializer] * len(names)
        slots = [[] for _ in names]
        for variable in trainable_variables:
            for slot_list, slot_name, init in zip(slots, names, initializers):
                slot_list.append(self.add_variable_from_reference(variable, slot_name, init))
        return slots[0] if isinstance(name, str) else slots

    # --- applying gradients ---------------------------------------------------------------------------------
    def apply_gradients(self, grads_and_vars):
        grads, trainable_variables = zip(*grads_and_vars)
        self.apply(grads, trainable_variables)
        return self._iterations

    def apply(self, grads, trainable_variables=None):
        """Clips, decays and applies `grads`, then applies variable constraints and counts the step."""
        grads = list(grads)
        if not grads:
            return
        if trainable_variables is None:
            if not self.built:
                raise ValueError(
                    "When passing `grads` without `variables`, the optimizer must already be built on a list "
                    "of variables. Call `optimizer.build(trainable_variables)` first."
                )
            if len(grads) != len(self._trainable_variables):
                raise ValueError(
                    f"Received {len(grads)} gradients, but the optimizer was built with "
                    f"{len(self._trainable_variables)} trainable variables."
                )
            trainable_variables = self._trainable_variables
        else:
            trainable_variables = list(trainable_variables)
            self.build(trainable_variables)
            for v in trainable_variables:
                if id(v) not in self._index:
                    raise ValueError(
                        f"Unknown variable: {v}. This optimizer can only be called for the variables it was "
                        "originally built with. When working with a new set of variables, you should "
                        "recreate a new optimizer instance."
                    )
        grads, trainable_variables = _drop_missing_gradients(grads, trainable_variables)
        grads = [ops.cast(g, v.dtype) for g, v in zip(grads, trainable_variables)]
        if self.loss_scale_factor is not None:
            grads = [g / self.loss_scale_factor for g in grads]
        if self.gradient_accumulation_steps:
            accumulation.apply_accumulated(self, grads, trainable_variables)
        else:
            self._apply_now(grads, trainable_variables)
        if self.use_ema:
            ema.update_averages(self, self.iterations)
        for variable in trainable_variables:
            if variable.constraint is not None:
                variable.assign(variable.constraint(variable))
        self._iterations.assign_add(1)

    def _apply_now(self, grads, trainable_variables):
        grads = clipping.clip_gradients(grads, self.clipnorm, self.global_clipnorm, self.clipvalue)
        learning_rate = self._current_learning_rate()
        self._apply_weight_decay(trainable_variables, learning_rate)
        self._update_all(grads, trainable_variables, learning_rate)

    def _update_all(self, grads, trainable_variables, learning_rate):
        for grad, variable in zip(grads, trainable_variables):
            self.update_step(grad, variable, learning_rate)

    def update_step(self, gradient, variable, learning_rate):
        raise NotImplementedError(f"{type(self).__name__} must define `update_step(gradient, variable, lr)`.")

    def stateless_apply(self, optimizer_variables, grads, trainable_variables):
        """Pure form of `apply` on values: returns `(new_trainable_values, new_optimizer_values)`."""
        if not self.built:
            raise ValueError(
                f"To call `stateless_apply`, {type(self).__name__} must be built (its variables must exist). "
                "Build it with `optimizer.build(trainable_variables)`."
            )
        mapping = list(zip(self._trainable_variables, trainable_variables))
        mapping += list(zip(self._variables, optimizer_variables))
        with backend.StatelessScope(state_mapping=mapping) as scope:
            self.apply(grads)
        return ([scope.get_current_value(v) for v in self._trainable_variables],
                [scope.get_current_value(v) for v in self._variables])

    # Keras 3 custom optimizers write `self.assign(variable, value)`.
    def assign(self, variable, value):
        variable.assign(value)

    def assign_add(self, variable, value):
        variable.assign_add(value)

    def assign_sub(self, variable, value):
        variable.assign_sub(value)

    def scale_loss(self, loss):
        """The loss to differentiate: multiplied by `loss_scale_factor` (the gradients are divided back)."""
        return loss if self.loss_scale_factor is None else loss * self.loss_scale_factor

    # --- moving average of the weights (use_ema) ------------------------------------------------------------
    @property
    def ema_variables(self):
        return list(getattr(self, "_model_variables_moving_average", ()))

    def finalize_variable_values(self, var_list):
        """At the end of `fit`: with `use_ema`, the model's variables take their moving averages."""
        if self.use_ema and self.built:
            ema.copy_averages(self, list(var_list))

    # --- weight decay ---------------------------------------------------------------------------------------
    def exclude_from_weight_decay(self, var_list=None, var_names=None):
        """Skips weight decay for these variables, or for variables whose name contains any of `var_names`."""
        if self.built:
            raise ValueError(
                "`exclude_from_weight_decay()` can only be configured before the optimizer is built."
            )
        self._excluded_ids = {id(v) for v in var_list or ()}
        self._excluded_pattern = re.compile("|".join(var_names)) if var_names else None

    def _use_weight_decay(self, variable):
        if id(variable) in self._excluded_ids:
            return False
        return self._excluded_pattern is None or not self._excluded_pattern.search(variable.name)

    def _apply_weight_decay(self, variables, learning_rate):
        if self.weight_decay is None:
            return
        for variable in variables:
            if self._use_weight_decay(variable):
                decay = ops.cast(self.weight_decay * learning_rate, variable.dtype)
                variable.assign(variable - variable * decay)

    # --- saving ---------------------------------------------------------------------------------------------
    def save_own_variables(self, store):
        for i, variable in enumerate(self._variables):
            store[str(i)] = variable.numpy()

    def load_own_variables(self, store):
        if len(store.keys()) != len(self._variables):
            warnings.warn(
                f"Skipping variable loading for optimizer '{self.name}', because it has "
                f"{len(self._variables)} variables whereas the saved optimizer has {len(store.keys())} "
                "variables."
                + (" This is likely because the optimizer has not been built yet." if not self.built else ""),
                stacklevel=2,
            )
            return
        for i, variable in enumerate(self._variables):
            variable.assign(store[str(i)])

    def get_config(self):
        if isinstance(self._learning_rate, backend.Variable):
            learning_rate = float(str(self._learning_rate.numpy()))  # 0.001, not 0.0010000000474974513
        else:
            learning_rate = schedules_module.serialize(self._learning_rate)
        config = {
            "name": self.name, "learning_rate": learning_rate, "weight_decay": self.weight_decay,
            "clipnorm": self.clipnorm, "global_clipnorm": self.global_clipnorm, "clipvalue": self.clipvalue,
            "use_ema": self.use_ema, "ema_momentum": self.ema_momentum,
            "ema_overwrite_frequency": self.ema_overwrite_frequency,
            "loss_scale_factor": self.loss_scale_factor,
            "gradient_accumulation_steps": self.gradient_accumulation_steps,
        }
        if self.decay:
            config["decay"] = self.decay
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        if isinstance(config.get("learning_rate"), dict):
            config["learning_rate"] = schedules_module.deserialize(config["learning_rate"], custom_objects)
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}>"


def _drop_missing_gradients(grads, variables):
    kept = [(g, v) for g, v in zip(grads, variables) if g is not None]
    if not kept:
        raise ValueError("No gradients provided for any variable.")
    if len(kept) < len(grads):
        missing = [v.path for g, v in zip(grads, variables) if g is None]
        warnings.warn(
            f"Gradients do not exist for variables {missing} when minimizing the loss. If using "
            "`model.compile()`, did you forget to provide a `loss` argument?",
            stacklevel=3,
        )
    return [g for g, _ in kept], [v for _, v in kept]
