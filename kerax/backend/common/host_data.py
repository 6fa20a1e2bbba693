"""The one rule for turning host data (NumPy arrays, Python scalars and lists) into tensors, used by every
conversion in kerax: `convert_to_tensor`, Variables' initial values, and the data fed to fit/evaluate/predict.

As in Keras: Python floats and float64 data compute in `floatx()` (unless floatx is float64); float16 and
bfloat16 stay; Python ints and int64 data become int32 (unless floatx is float64, which turns on 64-bit types);
bools stay bool. int64 values that do not fit in int32 are an error instead of wrapping around. Strings and
Python objects are an error that says to convert them to numbers first.
"""
import numpy as np

from kerax.backend import config
from kerax.backend.common import dtypes

_INT32 = np.iinfo(np.int32)


def uses_64_bit():
    return config.floatx() == "float64"


def host_dtype(value):
    """The dtype kerax gives `value` (a Python scalar, a list or a NumPy array)."""
    if isinstance(value, (bool, np.bool_)):
        return "bool"
    if isinstance(value, int):
        return "int64" if uses_64_bit() else "int32"
    if isinstance(value, float):
        return config.floatx()
    dtype = getattr(value, "dtype", None)
    if dtype is None:
        dtype = np.asarray(value).dtype
    name = dtypes.standardize_dtype(dtype) if np.dtype(dtype).kind not in "USO" else None
    if name is None:
        raise TypeError(_not_numeric_message(np.asarray(value)))
    if name == "float64" and not uses_64_bit():
        return config.floatx()
    if name in ("int64", "uint64") and not uses_64_bit():
        return "int32"
    return name


def is_text(value):
    """Whether `value` is host text: a string, bytes, or an array (or list) of them. Text stays on the host
    (JAX has no string arrays): host-side preprocessing layers turn it into numbers."""
    if isinstance(value, (str, bytes)):
        return True
    if isinstance(value, np.ndarray):
        return value.dtype.kind in "SU" or (value.dtype.kind == "O" and value.size > 0 and
                                             isinstance(value.reshape(-1)[0], (str, bytes)))
    if isinstance(value, (list, tuple)) and value:
        return is_text(value[0])
    return False


def to_host_array(value, what="data"):
    """`value` as a NumPy array of its `host_dtype`; `what` names it in errors (e.g. "x", "y")."""
    if hasattr(value, "numpy") and not isinstance(value, np.ndarray):
        value = value.numpy()
    array = np.asarray(value)
    if array.dtype.kind in "USO":
        raise TypeError(f"{what}: " + _not_numeric_message(array))
    dtype = host_dtype(array)
    if array.dtype.kind in "iu" and dtype == "int32" and array.dtype.itemsize == 8 and array.size:
        low, high = array.min(), array.max()
        if low < _INT32.min or high > _INT32.max:
            bad = low if low < _INT32.min else high
            raise ValueError(
                f"{what} holds the integer {int(bad)}, which does not fit in int32 (kerax computes with int32 "
                f"unless `kerax.backend.set_floatx('float64')` turns on 64-bit types). Map such ids into "
                f"[{_INT32.min}, {_INT32.max}] (e.g. with a lookup table) first."
            )
    return array if array.dtype == np.dtype(dtype) else array.astype(dtype)


def _not_numeric_message(array):
    first = array.reshape(-1)[:1].tolist()
    return (f"expected numbers, received an array of dtype {array.dtype} (first value: {first}). Convert "
            "strings and objects to numbers first (e.g. with a lookup table or `StringLookup`).")
