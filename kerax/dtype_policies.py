"""Dtype policies: the dtype a layer computes in and the dtype it stores variables in."""
from kerax.backend import config, standardize_dtype

_global_policy = None


class DTypePolicy:
    def __init__(self, name=None):
        name = name or config.floatx()
        if name.startswith("mixed_"):
            compute = {"mixed_float16": "float16", "mixed_bfloat16": "bfloat16"}.get(name)
            if compute is None:
                raise ValueError(
                    f"Unknown dtype policy {name!r}. Expected 'mixed_float16', 'mixed_bfloat16' or a dtype name."
                )
            self._compute, self._variable = compute, "float32"
        else:
            self._compute = self._variable = standardize_dtype(name)
        self.name = name

    @property
    def compute_dtype(self):
        return self._compute

    @property
    def variable_dtype(self):
        return self._variable

    def get_config(self):
        return {"name": self.name}

    def __repr__(self):
        return f'<DTypePolicy "{self.name}">'


def get(identifier):
    if identifier is None:
        return global_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, dict):  # serialized policy (Keras 3 writes {"class_name": ..., "config": {...}})
        return DTypePolicy(identifier.get("config", {}).get("name"))
    return DTypePolicy(standardize_dtype(identifier) if not str(identifier).startswith("mixed_") else identifier)


def set_global_policy(policy):
    global _global_policy
    _global_policy = None if policy is None else get(policy)


def global_policy():
    return _global_policy or DTypePolicy(config.floatx())
