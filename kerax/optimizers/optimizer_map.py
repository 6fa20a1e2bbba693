"""OptimizerMap: variable path -> optimizer, for MultiOptimizer. Keys are exact paths or `re.fullmatch`
patterns."""
import re
from collections.abc import MutableMapping

from kerax.optimizers.multi_optimizer import check_inner_optimizer
from kerax.optimizers.optimizer import Optimizer
from kerax.serialization import registry as serialization


class OptimizerMap(MutableMapping):
    """Keys are variable paths (`"decoder/dense/kernel"`) or patterns (`"encoder/.*"`); a path matching no
    key gets `default_optimizer`, one matching several patterns is an error."""

    def __init__(self, default_optimizer, optimizer_map=None):
        if not isinstance(default_optimizer, Optimizer):
            raise TypeError(
                f"default_optimizer must be a Keras Optimizer instance. Received: {default_optimizer}")
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
            raise ValueError(f"Multiple optimizers assigned to variable {key}: patterns {matching} all "
                             "match.")
        return self._optimizer_map[matching[0]] if matching else self._default_optimizer

    def __setitem__(self, key, optimizer):
        if key in self._optimizer_map:
            raise ValueError(f"'{key}' already exists in the OptimizerMap with value "
                             f"{self._optimizer_map[key]}. Please make sure to not use duplicated keys.")
        if not isinstance(key, str):
            raise ValueError(f"key must be a string. Received: {key}")
        check_inner_optimizer(optimizer, "optimizer")
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
        from kerax.optimizers import deserialize  # cycle: the package registry lists this class
        optimizer_map = {k: deserialize(v, custom_objects) for k, v in config["optimizer_map"].items()}
        return cls(deserialize(config["default_optimizer"], custom_objects), optimizer_map)
