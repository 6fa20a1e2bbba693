"""DTypePolicyMap: layer paths (exact or regular expressions) -> dtype policies, with a default."""
import re
from collections.abc import MutableMapping

from kerax.dtype_policies.dtype_policy import DTypePolicy


class DTypePolicyMap(DTypePolicy, MutableMapping):
    def __init__(self, default_policy=None, policy_map=None):
        if isinstance(default_policy, DTypePolicyMap):
            raise ValueError("`default_policy` cannot be a `DTypePolicyMap`.")
        if policy_map is not None and not isinstance(policy_map, dict):
            raise TypeError("If specified, `policy_map` must be a dict. "
                            f"Received: policy_map={policy_map} of type {type(policy_map)}")
        self._default_policy_arg = default_policy
        self._default_policy = _get(default_policy)
        self._policy_map = {key: _get(value) for key, value in (policy_map or {}).items()}

    @property
    def name(self):
        return f"map_{self.default_policy.name}"

    @property
    def default_policy(self):
        return self._default_policy

    @property
    def variable_dtype(self):
        return self._default_policy.variable_dtype

    @property
    def compute_dtype(self):
        return self._default_policy.compute_dtype

    @property
    def quantization_mode(self):
        return self._default_policy.quantization_mode

    def __getitem__(self, key):
        """The policy of `key`: its exact entry, else the one entry whose regex matches, else the default."""
        if key in self._policy_map:
            return self._policy_map[key]
        matching = [pattern for pattern in self._policy_map if re.fullmatch(pattern, key)]
        if len(matching) > 1:
            raise ValueError(f"Path '{key}' matches multiple dtype policy specification keys: {matching}. "
                             "Please make sure each path only matches at most one dtype policy specification "
                             "key in the DTypePolicyMap.")
        return self._policy_map[matching[0]] if matching else self.default_policy

    def __setitem__(self, key, policy):
        if key in self._policy_map:
            raise ValueError(f"{key} already exist in the DTypePolicyMap with value {self._policy_map[key]}. "
                             "Please make sure to not use duplicated keys.")
        self._policy_map[key] = _get(policy)

    def __delitem__(self, key):
        return self._policy_map.pop(key)

    def __contains__(self, key):
        return key in self._policy_map

    def __iter__(self):
        return iter(self._policy_map)

    def __len__(self):
        return len(self._policy_map)

    def __eq__(self, other):
        return isinstance(other, DTypePolicyMap) and self.get_config() == other.get_config()

    def __hash__(self):
        return id(self)

    def get_config(self):
        from kerax import dtype_policies  # cycle: the package's serialize knows every policy class
        default = self._default_policy_arg
        return {"default_policy": dtype_policies.serialize(default) if isinstance(default, DTypePolicy)
                else default,
                "policy_map": {k: dtype_policies.serialize(v) for k, v in self._policy_map.items()}}

    def __repr__(self):
        return f"<DTypePolicyMap {self.name} {dict(self._policy_map)}>"


def _get(policy):
    from kerax import dtype_policies  # cycle: the package's get parses names and configs
    return dtype_policies.get(policy)
