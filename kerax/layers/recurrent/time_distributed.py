"""TimeDistributed: applies a layer to every time step of [batch, time, ...] inputs (time folded into batch)."""
from kerax import ops
from kerax.layers.core.wrapper import Wrapper
from kerax.layers.input_spec import InputSpec
from kerax import tree


class TimeDistributed(Wrapper):
    def __init__(self, layer, **kwargs):
        super().__init__(layer, **kwargs)
        self.supports_masking = True
        self.input_spec = InputSpec(min_ndim=3)

    def build(self, input_shape):
        super().build((input_shape[0],) + tuple(input_shape[2:]))
        self._adopt_paths(self.layer, replace_name=True)

    def call(self, inputs, training=None, mask=None):
        batch, steps = inputs.shape[0], inputs.shape[1]

        def fold(x):
            return ops.reshape(x, (batch * steps,) + tuple(x.shape[2:]))

        outputs = self.layer(fold(inputs), training=training, mask=None if mask is None else fold(mask))
        return tree.map_structure(lambda y: ops.reshape(y, (batch, steps) + tuple(y.shape[1:])), outputs)
