"""kerax.constraints: projections applied to a weight after each optimizer update. `constraint(w)` returns the
new value of `w`."""
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


max_norm = maxnorm = MaxNorm
min_max_norm = MinMaxNorm
non_neg = nonneg = NonNeg
unit_norm = unitnorm = UnitNorm

_CLASSES = (MaxNorm, MinMaxNorm, NonNeg, UnitNorm)
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
