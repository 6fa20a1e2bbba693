"""kerax.activations: activation functions, found by name with `get`."""
from kerax.activations.activations import (
    celu, elu, exponential, gelu, glu, hard_shrink, hard_sigmoid, hard_silu, hard_tanh, leaky_relu, linear,
    log_sigmoid, log_softmax, mish, relu, relu6, selu, sigmoid, silu, soft_shrink, softmax, softplus,
    softsign, sparse_plus, sparse_sigmoid, sparsemax, squareplus, tanh, tanh_shrink, threshold,
)
from kerax.serialization import registry as serialization

swish = silu
hard_swish = hard_silu

ALL_OBJECTS_DICT = {
    fn.__name__: fn
    for fn in (
        celu, elu, exponential, gelu, glu, hard_shrink, hard_sigmoid, hard_silu, hard_tanh, leaky_relu,
        linear, log_sigmoid, log_softmax, mish, relu, relu6, selu, sigmoid, silu, soft_shrink, softmax,
        softplus, softsign, sparse_plus, sparse_sigmoid, sparsemax, squareplus, tanh, tanh_shrink, threshold,
    )
}
ALL_OBJECTS_DICT.update({"swish": silu, "hard_swish": hard_silu})


def serialize(activation):
    """A function's name (e.g. 'relu'); a configurable object (an activation layer) gives its config dict."""
    return serialization.serialize(activation)


def deserialize(config, custom_objects=None):
    if isinstance(config, dict) and config.get("class_name") == "function":
        # Keras 3 writes functions as {"class_name": "function", "config": "relu", "registered_name": ...}.
        config = config.get("registered_name") or config["config"]
    return serialization.deserialize(config, ALL_OBJECTS_DICT, "activation", custom_objects)


def get(identifier):
    """`None` gives `linear`; a name or config is looked up; any callable is returned as it is."""
    if identifier is None:
        return linear
    if isinstance(identifier, dict):
        identifier = deserialize(identifier)
    return serialization.resolve(identifier, ALL_OBJECTS_DICT, "activation")
