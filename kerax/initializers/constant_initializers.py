"""Initializers that involve no randomness: Zeros, Ones, Constant, Identity."""
import numpy as np

from kerax import backend
from kerax.initializers.initializer import Initializer


class Constant(Initializer):
    """Fills the tensor with `value`: a scalar, or an array that broadcasts to the requested shape."""

    def __init__(self, value=0.0):
        if isinstance(value, (list, tuple, np.ndarray)) or backend.is_tensor(value):
            value = np.asarray(value).tolist()  # a plain list keeps the config JSON-serializable
        self.value = value

    def __call__(self, shape, dtype=None):
        dtype = backend.standardize_dtype(dtype)
        return np.broadcast_to(np.asarray(self.value, dtype=_numpy_dtype(dtype)), tuple(shape))

    def get_config(self):
        return {"value": self.value}


class Zeros(Initializer):
    def __call__(self, shape, dtype=None):
        return np.zeros(tuple(shape), dtype=_numpy_dtype(dtype))


class Ones(Initializer):
    def __call__(self, shape, dtype=None):
        return np.ones(tuple(shape), dtype=_numpy_dtype(dtype))


class Identity(Initializer):
    """`gain` times the identity matrix; non-square shapes get ones on the main diagonal."""

    def __init__(self, gain=1.0):
        self.gain = gain

    def __call__(self, shape, dtype=None):
        if len(shape) != 2:
            raise ValueError(
                f"The identity initializer only makes 2D matrices. Received: shape={tuple(shape)}. For "
                "a convolution kernel, use a different initializer or reshape a 2D identity yourself."
            )
        dtype = backend.standardize_dtype(dtype)
        return (self.gain * np.eye(*shape)).astype(_numpy_dtype(dtype))

    def get_config(self):
        return {"gain": self.gain}


def _numpy_dtype(dtype):
    # Built in NumPy: an engine op would compile a kernel for every new shape (see RandomInitializer).
    dtype = backend.standardize_dtype(dtype)
    return "float32" if dtype == "bfloat16" else dtype
