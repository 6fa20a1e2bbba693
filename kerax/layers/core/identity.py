"""Identity: returns its inputs unchanged (any structure, any dtype), passing masks through."""
from kerax import tree
from kerax.backend import KerasTensor
from kerax.layers.layer import Layer


class Identity(Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True

    def call(self, inputs):
        return inputs

    def compute_output_shape(self, input_shape):
        return input_shape

    def compute_output_spec(self, inputs, **kwargs):
        return tree.map_structure(lambda x: KerasTensor(x.shape, x.dtype), inputs)
