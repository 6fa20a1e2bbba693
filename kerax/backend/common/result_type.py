"""`keras.backend.result_type(*dtypes)`: Keras 3's dtype promotion, the least upper bound of JAX's type
promotion lattice. Python's int / float / complex (the types) are weak: they take the other operand's kind
and precision ("int32" + float -> float32 ... resolved at floatx()'s precision)."""
import functools

from kerax.backend import config
from kerax.backend.common.dtypes import standardize_dtype

_WEAK = {int: "int", float: "float", complex: "complex"}
# Each dtype and the dtypes directly above it (JAX's lattice; i*, f*, c* are the weak kinds).
_LATTICE = {
    "bool": ["int"],
    "int": ["uint8", "int8", "float"],
    "uint8": ["int16", "uint16"], "uint16": ["int32", "uint32"], "uint32": ["int64", "uint64"],
    "uint64": ["float"],
    "int8": ["int16"], "int16": ["int32"], "int32": ["int64"], "int64": ["float"],
    "float": ["bfloat16", "float16", "complex"],
    "bfloat16": ["float32"], "float16": ["float32"], "float32": ["float64", "complex64"],
    "float64": ["complex128"],
    "complex": ["complex64"], "complex64": ["complex128"], "complex128": [],
}


@functools.cache
def _upper_bounds(dtype):
    found = {dtype}
    for parent in _LATTICE[dtype]:
        found |= _upper_bounds(parent)
    return frozenset(found)


def _least_upper_bound(dtypes):
    common = functools.reduce(frozenset.intersection, (_upper_bounds(d) for d in dtypes))
    return next(d for d in common if _upper_bounds(d) == common)


def _kind(dtype):
    if dtype == "bool":
        return "bool"
    return "complex" if "complex" in dtype else "float" if "float" in dtype else "int"


def _resolve_weak(kind):
    precision = config.floatx()[-2:]
    complex_dtype = "complex128" if precision == "64" else "complex64"
    return {"int": f"int{precision}", "float": f"float{precision}", "complex": complex_dtype}[kind]


def result_type(*dtypes):
    """The dtype of an operation combining `dtypes` (dtype names, dtypes, or the types int / float / complex);
    floatx() when none are given. As Keras 3: result_type("int32", "float32") == "float32",
    result_type("bfloat16", int) == "bfloat16", result_type("int8", "uint8") == "int16"."""
    if not dtypes:
        return config.floatx()
    strong, weak = [], []
    for dtype in dtypes:
        if isinstance(dtype, type) and dtype in _WEAK:
            weak.append(_WEAK[dtype])
        else:
            name = standardize_dtype(dtype)
            if name == "string":
                raise ValueError("result_type: 'string' has no numeric promotion; received it among "
                                 f"{dtypes}.")
            strong.append(name)
    if not strong:
        kind = _least_upper_bound(weak)
        return _resolve_weak(kind) if kind != "bool" else "bool"
    # A weak operand joins as its kind; the strong dtypes decide precision.
    result = _least_upper_bound(strong + weak)
    return _resolve_weak(result) if result in ("int", "float", "complex") else result
