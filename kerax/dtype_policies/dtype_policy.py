"""DTypePolicy: the dtype a layer computes in and the dtype it stores its variables in.

'mixed_float16' and 'mixed_bfloat16' compute in 16 bits with float32 variables (read in 16 bits inside the
layer's call: backend.autocast_scope); any float dtype name ('float32', ...) uses that dtype for both.
"""
from kerax import ops
from kerax.backend import config, standardize_dtype

_MIXED = {"mixed_float16": "float16", "mixed_bfloat16": "bfloat16"}


class DTypePolicy:
    def __init__(self, name=None):
        if name is None:
            name = config.floatx()
        if not isinstance(name, str):
            raise TypeError("'name' must be a string, such as 'mixed_float16'. Received: "
                            f"name={name} (of type {type(name)})")
        self._name = name
        self._compute_dtype, self._variable_dtype = _parse_name(name)

    @property
    def name(self):
        return self._name

    @property
    def compute_dtype(self):
        return self._compute_dtype

    @property
    def variable_dtype(self):
        return self._variable_dtype

    @property
    def quantization_mode(self):
        return None

    def convert_input(self, x, autocast, dtype):
        """x cast to `dtype` when autocasting a float tensor (as a layer does with its inputs)."""
        dtype = standardize_dtype(dtype)
        x = ops.convert_to_tensor(x)
        if autocast and standardize_dtype(x.dtype).startswith(("float", "bfloat")) and x.dtype != dtype:
            return ops.cast(x, dtype)
        return x

    def get_config(self):
        return {"name": self._name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __eq__(self, other):
        if not isinstance(other, DTypePolicy) or other.quantization_mode is not None:
            return False
        return self._name == other._name

    def __hash__(self):
        return hash(self._name)

    def __repr__(self):
        return f'<{type(self).__name__} "{self._name}">'


class FloatDTypePolicy(DTypePolicy):
    """Keras 3.0-3.3's name for DTypePolicy."""


def _parse_name(name):
    if name in _MIXED:
        return _MIXED[name], "float32"
    try:
        dtype = standardize_dtype(name)
    except (ValueError, TypeError):
        raise ValueError(f"Cannot convert '{name}' to a mixed precision DTypePolicy. Valid policies "
                         "include 'mixed_float16', 'mixed_bfloat16', and the name of any float dtype such as "
                         "'float32'.") from None
    return dtype, dtype
