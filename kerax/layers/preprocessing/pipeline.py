"""Pipeline: preprocessing layers applied one after the other (passing `training` to those that take it), as
one layer that works on its own, in `Dataset.map`, or inside a model."""
from kerax.layers.layer import Layer
from kerax.serialization import registry


class Pipeline(Layer):
    def __init__(self, layers, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        self._pipeline_layers = list(layers)

    @property
    def layers(self):
        return self._pipeline_layers

    def call(self, inputs, training=True, mask=None):
        for layer in self._pipeline_layers:
            kwargs = {"training": training} if layer._call_accepts_training and training is not None else {}
            inputs = layer(inputs, **kwargs)
        return inputs

    def compute_output_shape(self, input_shape):
        for layer in self._pipeline_layers:
            input_shape = layer.compute_output_shape(input_shape)
        return input_shape

    def get_config(self):
        return {"layers": [registry.serialize_keras_object(layer) for layer in self._pipeline_layers],
                "name": self.name}

    @classmethod
    def from_config(cls, config):
        layers = config.get("layers")
        if not isinstance(layers, (list, tuple)):
            raise ValueError("`Pipeline` config must contain a `layers` key mapping to a list of serialized "
                             f"layers. Received config with layers={layers}.")
        return cls(**{**config, "layers": [registry.deserialize_keras_object(c) for c in layers]})
