"""MultiOptimizer: different optimizers for different variables, chosen by an OptimizerMap (see
optimizer_map.py) or any callable `variable -> optimizer`."""
from kerax.optimizers.loss_scale_optimizer import LossScaleOptimizer
from kerax.optimizers.optimizer import Optimizer
from kerax.serialization import registry as serialization


def check_inner_optimizer(optimizer, what):
    if not isinstance(optimizer, Optimizer):
        raise ValueError(f"{what} must be a kerax Optimizer instance. Received: {optimizer!r}")
    if isinstance(optimizer, (LossScaleOptimizer, MultiOptimizer)):
        raise ValueError(f"{what} cannot be a {type(optimizer).__name__}: sub-optimizers must be plain "
                         "optimizers (a LossScaleOptimizer may wrap the whole MultiOptimizer).")


class MultiOptimizer(Optimizer):
    """Each variable is updated by the optimizer `optimizer_map(variable)` gives; `loss_scale_factor`
    overrides the sub-optimizers' own. The learning rates live on the sub-optimizers (`.optimizers`)."""

    def __init__(self, optimizer_map, loss_scale_factor=None, name=None):
        self._inner_optimizers = []
        super().__init__(learning_rate=0.0, loss_scale_factor=loss_scale_factor,
                         name=name or "multi_optimizer")
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
            check_inner_optimizer(optimizer, f"The optimizer for variable {variable.path}")
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
        if trainable_variables is None:
            trainable_variables = self._trainable_variables
        trainable_variables = list(trainable_variables)
        self.build(trainable_variables)
        grads = list(grads)
        if len(grads) != len(trainable_variables):
            raise ValueError(f"Gradients must match trainable variables one-to-one. Received {len(grads)} "
                             f"gradients and {len(trainable_variables)} variables.")
        groups = self._split(trainable_variables, grads)
        for optimizer, (variables, sub_grads) in zip(self._inner_optimizers, groups):
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
        raise AttributeError("Learning rate cannot be accessed on a MultiOptimizer. Access the learning rate "
                             "on the individual sub-optimizers (`optimizer.optimizers`) instead.")

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
        from kerax.optimizers import deserialize  # cycle: the package registry lists this class
        return cls(**{**config, "optimizer_map": deserialize(config["optimizer_map"], custom_objects)})
