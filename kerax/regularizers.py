"""kerax.regularizers: weight penalties added to the training loss. `regularizer(x)` returns a scalar."""
import math

import numpy as np

from kerax import backend, ops
from kerax.serialization import registry as serialization
from kerax.backend import naming


def _non_negative(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)) or not math.isfinite(value) \
            or value < 0:
        raise ValueError(f"Invalid value for argument {name}: expected a non-negative float. "
                         f"Received: {name}={value!r}")
    return float(value)


def _penalty(x, l1=0.0, l2=0.0):
    penalty = 0.0
    if l1:
        penalty = penalty + l1 * ops.sum(ops.abs(x))
    if l2:
        penalty = penalty + l2 * ops.sum(ops.square(x))
    return ops.convert_to_tensor(penalty)


class Regularizer:
    def __call__(self, x):
        return 0.0

    def get_config(self):
        raise NotImplementedError(f"{type(self).__name__} must implement get_config() to be serialized.")

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class L1L2(Regularizer):
    """`l1 * sum(|x|) + l2 * sum(x ** 2)`."""

    def __init__(self, l1=0.0, l2=0.0):
        self.l1 = _non_negative(0.0 if l1 is None else l1, "l1")
        self.l2 = _non_negative(0.0 if l2 is None else l2, "l2")

    def __call__(self, x):
        return _penalty(x, l1=self.l1, l2=self.l2)

    def get_config(self):
        return {"l1": self.l1, "l2": self.l2}


class L1(Regularizer):
    """`l1 * sum(|x|)`."""

    def __init__(self, l1=0.01):
        self.l1 = _non_negative(0.01 if l1 is None else l1, "l1")

    def __call__(self, x):
        return _penalty(x, l1=self.l1)

    def get_config(self):
        return {"l1": self.l1}


class L2(Regularizer):
    """`l2 * sum(x ** 2)`."""

    def __init__(self, l2=0.01):
        self.l2 = _non_negative(0.01 if l2 is None else l2, "l2")

    def __call__(self, x):
        return _penalty(x, l2=self.l2)

    def get_config(self):
        return {"l2": self.l2}


class OrthogonalRegularizer(Regularizer):
    """Pushes the rows (or columns) of a 2D kernel towards orthogonality: `factor` times the mean absolute
    cosine similarity between distinct pairs of rows (columns)."""

    def __init__(self, factor=0.01, mode="rows"):
        if mode not in ("rows", "columns"):
            raise ValueError(
                f"Invalid value for argument mode: expected 'rows' or 'columns'. Received: {mode!r}"
            )
        self.factor = _non_negative(factor, "factor")
        self.mode = mode

    def __call__(self, x):
        x = backend.convert_to_tensor(x)
        if x.ndim != 2:
            raise ValueError(f"OrthogonalRegularizer needs a rank-2 input. Received: shape={tuple(x.shape)}")
        if self.mode == "columns":
            x = ops.transpose(x)
        unit = x / ops.sqrt(ops.maximum(ops.sum(ops.square(x), axis=1, keepdims=True), 1e-12))
        n = x.shape[0]
        similarities = ops.matmul(unit, ops.transpose(unit)) * (1.0 - ops.eye(n, dtype=unit.dtype))
        return self.factor * 0.5 * ops.sum(ops.abs(similarities)) / (n * (n - 1) / 2.0)

    def get_config(self):
        return {"factor": self.factor, "mode": self.mode}


def l1_l2(l1=0.01, l2=0.01):
    """tf.keras's shortcut, defaulting both factors to 0.01 (the class `L1L2` defaults them to 0)."""
    return L1L2(l1=l1, l2=l2)


l1 = L1
l2 = L2
orthogonal_regularizer = OrthogonalRegularizer

_CLASSES = (L1, L2, L1L2, OrthogonalRegularizer)
ALL_OBJECTS_DICT = {cls.__name__: cls for cls in _CLASSES}
ALL_OBJECTS_DICT.update({naming.to_snake_case(cls.__name__): cls for cls in _CLASSES})
ALL_OBJECTS_DICT["l1_l2"] = L1L2  # the tf.keras name, beside Keras 3's snake case "l1l2"


def serialize(regularizer):
    return serialization.serialize(regularizer)


def deserialize(config, custom_objects=None):
    return serialization.deserialize(config, ALL_OBJECTS_DICT, "regularizer", custom_objects)


def get(identifier):
    """None stays None; a name gives a default instance; a config, class, instance or callable as Keras."""
    if identifier is None:
        return None
    return serialization.resolve(identifier, ALL_OBJECTS_DICT, "regularizer")
