"""Dtype names: every dtype-like value is reduced to a canonical string such as 'float32'."""
import numpy as np

from kerax.backend import config

ALLOWED = (
    "float16", "bfloat16", "float32", "float64",
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "bool", "string", "complex64", "complex128",
    "float8_e4m3fn", "float8_e5m2",  # float8 quantization (quantizers.quantize_and_dequantize)
)
_ALIASES = {"float": "float32", "double": "float64", "int": "int32", "half": "float16", "str": "string",
            "complex": "complex64"}


def standardize_dtype(dtype):
    if dtype is None:
        return config.floatx()
    if hasattr(dtype, "name") and not isinstance(dtype, str):
        dtype = dtype.name
    elif isinstance(dtype, type) and issubclass(dtype, np.generic):
        dtype = np.dtype(dtype).name
    elif dtype is float:
        dtype = "float32"
    elif dtype is int:
        dtype = "int32"
    elif dtype is bool:
        dtype = "bool"
    elif dtype is str:
        dtype = "string"
    elif dtype is complex:
        dtype = "complex64"
    dtype = _ALIASES.get(str(dtype), str(dtype))
    if dtype not in ALLOWED:
        raise ValueError(f"Invalid dtype: {dtype!r}. Expected one of {ALLOWED}.")
    return dtype


def is_float(dtype):
    return standardize_dtype(dtype) in ("float16", "bfloat16", "float32", "float64")


def is_int(dtype):
    return standardize_dtype(dtype).startswith(("int", "uint"))
