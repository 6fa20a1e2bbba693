"""TensorSpec: the shape and dtype of one component of a dataset element (`None` marks an unknown size)."""
import numpy as np

from kerax.backend import standardize_dtype
from kerax import tree


class TensorSpec:
    def __init__(self, shape, dtype="float32", name=None):
        self.shape = None if shape is None else tuple(None if d is None else int(d) for d in shape)
        self.dtype = standardize_dtype(dtype)
        self.name = name

    @classmethod
    def from_array(cls, array):
        return cls(array.shape, dtype_name(array.dtype))

    def is_compatible_with(self, array):
        shape = np.shape(array)
        if self.shape is None:
            return True
        return len(shape) == len(self.shape) and all(d is None or d == s for d, s in zip(self.shape, shape))

    def with_leading(self, size):
        return self if self.shape is None else TensorSpec((size,) + self.shape, self.dtype, self.name)

    def without_leading(self):
        return self if self.shape is None else TensorSpec(self.shape[1:], self.dtype, self.name)

    def most_specific_common(self, other):
        if self.shape is None or other.shape is None or len(self.shape) != len(other.shape):
            return TensorSpec(None, self.dtype, self.name)
        shape = [a if a == b else None for a, b in zip(self.shape, other.shape)]
        return TensorSpec(shape, self.dtype, self.name)

    def __eq__(self, other):
        return isinstance(other, TensorSpec) and (self.shape, self.dtype) == (other.shape, other.dtype)

    def __hash__(self):
        return hash((self.shape, self.dtype))

    def __repr__(self):
        return f"TensorSpec(shape={self.shape}, dtype={self.dtype}, name={self.name!r})"


def dtype_name(dtype):
    dtype = np.dtype(dtype)
    if dtype.kind in "USO":
        return "string"
    return standardize_dtype(dtype)


def numpy_dtype(dtype):
    """The NumPy dtype to cast a leaf to, or None for strings (kept as they come)."""
    name = standardize_dtype(dtype)
    if name == "string":
        return None
    if name == "bfloat16":
        import ml_dtypes  # installed with JAX; NumPy has no bfloat16 of its own

        return np.dtype(ml_dtypes.bfloat16)
    return np.dtype(name)


def spec_of(element):
    return tree.map_structure(TensorSpec.from_array, element)
