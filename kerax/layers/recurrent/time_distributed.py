"""TimeDistributed: applies a layer to every time step of [batch, time, ...] inputs (time folded into batch)."""
from kerax import ops
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.recurrent.serialization import deserialize_layer
from kerax.serialization import registry as serialization
from kerax import tree


class TimeDistributed(Layer):
    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(f"TimeDistributed: `layer` must be a layer instance, e.g. `Dense(8)`, received {layer!r}.")
        super().__init__(**kwargs)
        self.layer = layer
        self.supports_masking = True
        self.input_spec = InputSpec(min_ndim=3)

    def build(self, input_shape):
        if not self.layer.built:
            self.layer.build((input_shape[0],) + tuple(input_shape[2:]))
            self.layer.built = True
        self._adopt_paths(self.layer, replace_name=True)
        self.built = True

    def call(self, inputs, training=None, mask=None):
        batch, steps = inputs.shape[0], inputs.shape[1]

        def fold(x):
            return ops.reshape(x, (batch * steps,) + tuple(x.shape[2:]))

        outputs = self.layer(fold(inputs), training=training, mask=None if mask is None else fold(mask))
        return tree.map_structure(lambda y: ops.reshape(y, (batch, steps) + tuple(y.shape[1:])), outputs)

    def get_config(self):
        return {**super().get_config(), "layer": serialization.serialize(self.layer)}

    @classmethod
    def from_config(cls, config):
        return cls(**{**config, "layer": deserialize_layer(config["layer"])})
