"""Wrapper: the base of layers that hold one other layer (`self.layer`) and change how it is applied
(TimeDistributed, SpectralNormalization). The config nests the wrapped layer's config under "layer"."""
from kerax.layers.layer import Layer
from kerax.layers.nested import deserialize_layer
from kerax.serialization import registry as serialization


class Wrapper(Layer):
    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(f"{type(self).__name__}: `layer` must be a layer instance (e.g. `Dense(8)`), "
                             f"received {layer!r}.")
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape=None):
        if not self.layer.built:
            self.layer.build(input_shape)
            self.layer.built = True
        self.built = True

    def get_config(self):
        return {**super().get_config(), "layer": serialization.serialize(self.layer)}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        layer = deserialize_layer(config.pop("layer"), custom_objects)
        return cls(layer, **config)
