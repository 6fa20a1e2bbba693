"""MultiOptimizer: different optimizers for different variables, chosen by an OptimizerMap (variable path ->
optimizer, exact or `re.fullmatch` keys) or any callable `variable -> optimizer`."""
import re
from collections.abc import MutableMapping

from kerax.optimizers.loss_scale_optimizer import LossScaleOptimizer
from kerax.optimizers.optimizer import Optimizer
from kerax.serialization import registry as serialization


def _check_inner(optimizer, what):
    if not isinstance(optimizer, Optimizer):
        raise ValueError(f"{what} must be a kerax Optimizer instance. Received: {optimizer!r}")
    if isinstance(optimizer, (LossScaleOptimizer, MultiOptimizer)):
        raise ValueError(f"{what} cannot be a {type(optimizer).__name__}: wrap the MultiOptimizer instead.")


class OptimizerMap(MutableMapping):
    """Keys are variable paths (`"decoder/dense/kernel"`) or patterns (`"encoder/.*"`); a path matching no
    key gets `default_optimizer`, one matching several patterns is an error."""

    def __init__(self, default_optimizer, optimizer_map=None):
        if not isinstance(default_optimizer, Optimizer):
            raise TypeError(f"default_optimizer must be a Keras Optimizer instance. Received: {default_optimizer}")
        if optimizer_map is not None and not isinstance(optimizer_map, dict):
            raise TypeError(f"optimizer_map must be a dictionary. Received: {optimizer_map}")
        self._default_optimizer = default_optimizer
        self._optimizer_map = dict(optimizer_map or {})

    @property
    def default_optimizer(self):
        return self._default_optimizer

    def __getitem__(self, key):
        if key in self._optimizer_map:
            return self._optimizer_map[key]
        matching = [pattern for pattern in self._optimizer_map if re.fullmatch(pattern, key)]
        if len(matching) > 1:
            raise ValueError(f"Multiple optimizers assigned to variable {key}: patterns {matching} all match.")
        return self._optimizer_map[matching[0]] if matching else self._default_optimizer

    def __setitem__(self, key, optimizer):
        if key in self._optimizer_map:
            raise ValueError(f"'{key}' already exists in the OptimizerMap with value {self._optimizer_map[key]}. "
                             "Please make sure to not use duplicated keys.")
        if not isinstance(key, str):
            raise ValueError(f"key must be a string. Received: {key}")
        _check_inner(optimizer, "optimizer")
        self._optimizer_map[key] = optimizer

    def __delitem__(self, key):
        del self._optimizer_map[key]

    def __len__(self):
        return len(self._optimizer_map)

    def __iter__(self):
        return iter(self._optimizer_map)

    def __call__(self, variable):
        return self[variable.path]

    def get_config(self):
        return {"default_optimizer": serialization.serialize(self._default_optimizer),
                "optimizer_map": {k: serialization.serialize(v) for k, v in self._optimizer_map.items()}}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from kerax.optimizers import deserialize  # real cycle: the package registry lists this class
        optimizer_map = {k: deserialize(v, custom_objects) for k, v in config["optimizer_map"].items()}
        return cls(deserialize(config["default_optimizer"], custom_objects), optimizer_map)


class MultiOptimizer(Optimizer):
    """Each variable is updated by the optimizer `optimizer_map(variable)` gives; `loss_scale_factor`
    overrides the sub-optimizers' own. The learning rates live on the sub-optimizers (`.optimizers`)."""

    def __init__(self, optimizer_map, loss_scale_factor=None, name=None):
        self._inner_optimizers = []
        super().__init__(learning_rate=0.0, loss_scale_factor=loss_scale_factor, name=name or "multi_optimizer")
        self._optimizer_map = optimizer_map
        known = list(getattr(optimizer_map, "values", lambda: [])())
        for optimizer in known + [getattr(optimizer_map, "default_optimizer", None)]:
            if optimizer is not None:
                self._adopt(optimizer)

    def _adopt(self, optimizer):
        if all(optimizer is not o for o in self._inner_optimizers):
            optimizer.loss_scale_factor = self.loss_scale_factor
            self._inner_optimizers.append(optimizer)
        return next(i for i, o in enumerate(self._inner_optimizers) if o is optimizer)

    def build(self, var_list):
        if self.built:
            return
        self._owner = {}  # id(variable) -> index of its optimizer
        for variable in var_list:
            optimizer = self._optimizer_map(variable)
            _check_inner(optimizer, f"The optimizer for variable {variable.path}")
            self._owner[id(variable)] = self._adopt(optimizer)
        for i, optimizer in enumerate(self._inner_optimizers):
            owned = [v for v in var_list if self._owner[id(v)] == i]
            if owned:
                optimizer.build(owned)
        super().build(var_list)

    def _split(self, variables, values=None):
        """Per sub-optimizer: (its variables, the matching entries of `values`)."""
        values = variables if values is None else values
        groups = [([], []) for _ in self._inner_optimizers]
        for variable, value in zip(variables, values):
            owned, matched = groups[self._owner[id(variable)]]
            owned.append(variable)
            matched.append(value)
        return groups

    def apply(self, grads, trainable_variables=None):
        trainable_variables = list(self._trainable_variables if trainable_variables is None else trainable_variables)
        self.build(trainable_variables)
        grads = list(grads)
        if len(grads) != len(trainable_variables):
            raise ValueError(f"Gradients must match trainable variables one-to-one. Received {len(grads)} "
                             f"gradients and {len(trainable_variables)} variables.")
        for optimizer, (variables, sub_grads) in zip(self._inner_optimizers, self._split(trainable_variables, grads)):
            if variables:
                optimizer.apply(sub_grads, variables)
        self._iterations.assign_add(1)

    @property
    def optimizers(self):
        return list(self._inner_optimizers)

    @property
    def variables(self):
        return list(self._variables) + [v for o in self._inner_optimizers for v in o.variables]

    @property
    def learning_rate(self):
        raise AttributeError("Learning rate cannot be accessed on a MultiOptimizer. Access the learning rate on "
                             "the individual sub-optimizers (`optimizer.optimizers`) instead.")

    @learning_rate.setter
    def learning_rate(self, value):
        raise AttributeError("Learning rate cannot be set on a MultiOptimizer. Set the learning rate on the "
                             "individual sub-optimizers (`optimizer.optimizers`) instead.")

    lr = learning_rate

    @property
    def loss_scale_factor(self):
        return getattr(self, "_loss_scale_factor", None)

    @loss_scale_factor.setter
    def loss_scale_factor(self, value):
        self._loss_scale_factor = value
        for optimizer in getattr(self, "_inner_optimizers", []):
            optimizer.loss_scale_factor = value

    @property
    def iterations(self):
        return self._iterations

    def finalize_variable_values(self, var_list):
        for optimizer, (variables, _) in zip(self._inner_optimizers, self._split(list(var_list))):
            if variables:
                optimizer.finalize_variable_values(variables)

    def get_config(self):
        return {"optimizer_map": serialization.serialize(self._optimizer_map),
                "loss_scale_factor": self.loss_scale_factor, "name": self.name}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from kerax.optimizers import deserialize  # real cycle: the package registry lists this class
        return cls(**{**config, "optimizer_map": deserialize(config["optimizer_map"], custom_objects)})
