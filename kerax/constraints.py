"""kerax.constraints: projections applied to a weight after each optimizer update. `constraint(w)` returns the
new value of `w`."""
import numpy as np

from kerax import backend, ops
from kerax.serialization import registry as serialization
from kerax.backend import naming


def _norms(w, axis):
    axis = tuple(axis) if isinstance(axis, list) else axis
    return ops.sqrt(ops.sum(ops.square(w), axis=axis, keepdims=True))


class Constraint:
    def __call__(self, w):
        return w

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


class MinMaxNorm(Constraint):
    """Rescales each slice along `axis` towards a norm in [min_value, max_value]; `rate` < 1 moves only part
    of the way: new norm = rate * clip(norm, min_value, max_value) + (1 - rate) * norm."""

    def __init__(self, min_value=0.0, max_value=1.0, rate=1.0, axis=0):
        self.min_value = min_value
        self.max_value = max_value
        self.rate = rate
        self.axis = axis

    def __call__(self, w):
        w = backend.convert_to_tensor(w)
        norms = _norms(w, self.axis)
        desired = self.rate * ops.clip(norms, self.min_value, self.max_value) + (1.0 - self.rate) * norms
        return w * (desired / (backend.epsilon() + norms))

    def get_config(self):
        return {"min_value": self.min_value, "max_value": self.max_value, "rate": self.rate,
                "axis": self.axis}


class MaxNorm(MinMaxNorm):
    """Scales down each slice along `axis` whose L2 norm exceeds `max_value`. For a Dense kernel
    (input_dim, units) `axis=0` constrains each unit's incoming weights; for a conv kernel use
    `axis=[0, 1, 2]`."""

    def __init__(self, max_value=2, axis=0):
        super().__init__(min_value=0.0, max_value=max_value, rate=1.0, axis=axis)

    def get_config(self):
        return {"max_value": self.max_value, "axis": self.axis}


class UnitNorm(Constraint):
    """Divides each slice along `axis` by its L2 norm."""

    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, w):
        w = backend.convert_to_tensor(w)
        return w / (backend.epsilon() + _norms(w, self.axis))

    def get_config(self):
        return {"axis": self.axis}


class NonNeg(Constraint):
    """Sets negative weights to zero."""

    def __call__(self, w):
        w = backend.convert_to_tensor(w)
        return w * ops.cast(ops.greater_equal(w, 0.0), w.dtype)


class RadialConstraint(Constraint):
    """tf.keras's constraint of a `Conv2D` kernel (rows, cols, input_depth, output_depth) to one value per
    ring around the centre (square kernels). As tf.keras computes it: with n = rows and k = n // 2, the
    central value (1 x 1 for odd n, 2 x 2 for even n) is w[k - 1, k - 1] and ring d is w[k + d - 1, k + d - 1]
    (odd n) or w[k + d, k + d] (even n)."""

    def __call__(self, w):
        w = backend.convert_to_tensor(w)
        if len(w.shape) != 4:
            raise ValueError(
                f"The weight tensor must have rank 4. Received weight tensor with shape: {w.shape}")
        n = w.shape[0]
        rows = ops.reshape(w, (n * n,) + tuple(w.shape[2:]))
        return ops.reshape(ops.take(rows, _radial_sources(n), axis=0), w.shape)


def _radial_sources(n):
    """For each position of an n x n kernel, the flat index of the diagonal element whose value it takes."""
    k = n // 2
    index = np.arange(n)
    distance = np.abs(index - k) if n % 2 else np.where(index >= k, index - k, k - 1 - index)
    ring = np.maximum(distance[:, None], distance[None, :])
    diagonal = np.where(ring == 0, k - 1, k + ring - (n % 2))
    return (diagonal * (n + 1)).reshape(-1)


max_norm = maxnorm = MaxNorm
min_max_norm = MinMaxNorm
non_neg = nonneg = NonNeg
unit_norm = unitnorm = UnitNorm
radial_constraint = RadialConstraint

_CLASSES = (MaxNorm, MinMaxNorm, NonNeg, RadialConstraint, UnitNorm)
ALL_OBJECTS_DICT = {cls.__name__: cls for cls in _CLASSES}
ALL_OBJECTS_DICT.update({naming.to_snake_case(cls.__name__): cls for cls in _CLASSES})
ALL_OBJECTS_DICT.update({"maxnorm": MaxNorm, "nonneg": NonNeg, "unitnorm": UnitNorm})  # Keras 1 names


def serialize(constraint):
    return serialization.serialize(constraint)


def deserialize(config, custom_objects=None):
    return serialization.deserialize(config, ALL_OBJECTS_DICT, "constraint", custom_objects)


def get(identifier):
    """None stays None; a name gives a default instance; a config, class, instance or callable as Keras."""
    if identifier is None:
        return None
    return serialization.resolve(identifier, ALL_OBJECTS_DICT, "constraint")
