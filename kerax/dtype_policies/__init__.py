"""kerax.dtype_policies: the dtype a layer computes in and stores variables in, and the global policy
(`set_dtype_policy('mixed_float16')`: layers created afterwards compute in float16 with float32 variables)."""
from kerax.backend import config, standardize_dtype
from kerax.dtype_policies.dtype_policy import DTypePolicy, FloatDTypePolicy
from kerax.dtype_policies.dtype_policy_map import DTypePolicyMap
from kerax.dtype_policies.quantized import (
    QUANTIZATION_MODES, AWQDTypePolicy, GPTQDTypePolicy, Int4DTypePolicy, QuantizedDTypePolicy,
    QuantizedFloat8DTypePolicy, quantized_policy_from_name,
)
from kerax.serialization import registry as _registry

_CLASSES = {cls.__name__: cls for cls in (
    DTypePolicy, FloatDTypePolicy, QuantizedDTypePolicy, QuantizedFloat8DTypePolicy, Int4DTypePolicy,
    GPTQDTypePolicy, AWQDTypePolicy, DTypePolicyMap,
)}
_CLASSES["Policy"] = DTypePolicy
_global_policy = [None]


def serialize(dtype_policy):
    return _registry.serialize(dtype_policy)


def deserialize(config, custom_objects=None):
    """A policy from `{"class_name": "DTypePolicy", "config": {"name": ...}}` (tf.keras wrote "Policy")."""
    return _registry.deserialize(config, _CLASSES, "dtype policy", custom_objects)


def get(identifier):
    """A policy from None (the global policy), a policy, a name ('mixed_float16', 'float32',
    'int8_from_float32') or a config."""
    if identifier is None:
        return dtype_policy()
    if isinstance(identifier, DTypePolicy):
        return identifier
    if isinstance(identifier, dict):
        return deserialize(identifier)
    if isinstance(identifier, str):
        if identifier.startswith(QUANTIZATION_MODES):
            return quantized_policy_from_name(identifier)
        return DTypePolicy(identifier)
    return DTypePolicy(standardize_dtype(identifier))  # a NumPy or engine dtype, e.g. np.float32


def set_dtype_policy(policy):
    """Sets the global policy used by layers created from now on (None: back to `floatx()`)."""
    if policy is not None and not isinstance(policy, DTypePolicy):
        if not isinstance(policy, str):
            raise ValueError("Invalid `policy` argument. Expected the string name of a policy (such as "
                             "'mixed_float16') or a `DTypePolicy` instance. Received: "
                             f"policy={policy} (of type {type(policy)})")
        policy = DTypePolicy(policy)
    _global_policy[0] = policy


def dtype_policy():
    """The global policy: the one set with `set_dtype_policy`, else `floatx()` for everything."""
    return _global_policy[0] or DTypePolicy(config.floatx())


# tf.keras / Keras 3 `mixed_precision` spellings
set_global_policy = set_dtype_policy
global_policy = dtype_policy

__all__ = [
    "AWQDTypePolicy", "DTypePolicy", "DTypePolicyMap", "FloatDTypePolicy", "GPTQDTypePolicy",
    "Int4DTypePolicy", "QuantizedDTypePolicy", "QuantizedFloat8DTypePolicy", "deserialize", "dtype_policy",
    "get",
    "global_policy", "serialize", "set_dtype_policy", "set_global_policy",
]
