"""kerax.initializers: initial values of weights, by class, instance, name or config (`get`)."""
from kerax.initializers.constant_initializers import Constant, Identity, Ones, Zeros
from kerax.initializers.initializer import Initializer, RandomInitializer
from kerax.initializers.random_initializers import Orthogonal, RandomNormal, RandomUniform, TruncatedNormal
from kerax.initializers.stft_initializer import STFT
from kerax.initializers.variance_scaling import (
    GlorotNormal, GlorotUniform, HeNormal, HeUniform, LecunNormal, LecunUniform, VarianceScaling,
    compute_fans,
)
from kerax.serialization import registry as serialization
from kerax.backend import naming

# Lowercase spellings are the classes themselves, as in Keras: `initializers.constant(2.0)` is a Constant.
constant = Constant
zeros = zero = Zeros
ones = one = Ones
identity = IdentityInitializer = Identity
orthogonal = OrthogonalInitializer = Orthogonal
random_normal = normal = RandomNormal
random_uniform = uniform = RandomUniform
truncated_normal = TruncatedNormal
variance_scaling = VarianceScaling
glorot_uniform = GlorotUniform
glorot_normal = GlorotNormal
he_uniform = HeUniform
he_normal = HeNormal
lecun_uniform = LecunUniform
lecun_normal = LecunNormal
stft = STFTInitializer = STFT

_CLASSES = (
    Constant, Zeros, Ones, Identity, Orthogonal, RandomNormal, RandomUniform, TruncatedNormal,
    VarianceScaling, GlorotUniform, GlorotNormal, HeUniform, HeNormal, LecunUniform, LecunNormal, STFT,
)
ALL_OBJECTS_DICT = {cls.__name__: cls for cls in _CLASSES}
ALL_OBJECTS_DICT.update({naming.to_snake_case(cls.__name__): cls for cls in _CLASSES})
ALL_OBJECTS_DICT.update({
    "zero": Zeros, "one": Ones, "normal": RandomNormal, "uniform": RandomUniform,
    "IdentityInitializer": Identity, "OrthogonalInitializer": Orthogonal, "STFTInitializer": STFT,
})


def serialize(initializer):
    return serialization.serialize(initializer)


def deserialize(config, custom_objects=None):
    return serialization.deserialize(config, ALL_OBJECTS_DICT, "initializer", custom_objects)


def get(identifier):
    """None stays None; a name or config gives a new instance; a class is instantiated; an instance or any
    callable `fn(shape, dtype=None)` is returned as it is."""
    if identifier is None:
        return None
    return serialization.resolve(identifier, ALL_OBJECTS_DICT, "initializer")
