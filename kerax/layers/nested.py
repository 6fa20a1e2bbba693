"""Layers nested in a config (an RNN's cell, a wrapper's layer) are rebuilt by class name."""
from kerax.layers.layer import Layer
from kerax.serialization import registry as serialization


def deserialize_layer(config, custom_objects=None):
    if not isinstance(config, dict):
        return config  # already a layer
    import kerax.layers  # cycle: kerax.layers imports the wrappers and RNNs that import this module

    objects = {}
    for module in (kerax.layers.core, kerax.layers.recurrent, kerax.layers):
        objects.update({name: obj for name, obj in vars(module).items()
                        if isinstance(obj, type) and issubclass(obj, Layer)})
    return serialization.deserialize(config, objects, "layer", custom_objects)
