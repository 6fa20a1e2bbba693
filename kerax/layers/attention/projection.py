"""The projections inside MultiHeadAttention (Keras 3 uses EinsumDense for them): the last `contracted` axes
of the input are contracted with a kernel of shape (*those axes, *output_dims), then a bias is added."""
import string

from kerax import ops
from kerax.layers.layer import Layer


class Projection(Layer):
    def __init__(self, output_dims, contracted=1, use_bias=True, kernel_initializer=None,
                 bias_initializer=None, kernel_regularizer=None, bias_regularizer=None, kernel_constraint=None,
                 bias_constraint=None, **kwargs):
        super().__init__(**kwargs)
        self.output_dims = tuple(output_dims)
        self.contracted = contracted
        self.use_bias = use_bias
        self._kernel_arguments = dict(initializer=kernel_initializer, regularizer=kernel_regularizer,
                                      constraint=kernel_constraint)
        self._bias_arguments = dict(initializer=bias_initializer, regularizer=bias_regularizer,
                                    constraint=bias_constraint)

    def build(self, input_shape):
        inner = tuple(input_shape[-self.contracted:])
        self.kernel = self.add_weight(name="kernel", shape=inner + self.output_dims, **self._kernel_arguments)
        self.bias = self.add_weight(name="bias", shape=self.output_dims, **self._bias_arguments) \
            if self.use_bias else None
        self.built = True

    def call(self, inputs):
        letters = string.ascii_letters
        inner = letters[:self.contracted]
        outer = letters[self.contracted:self.contracted + len(self.output_dims)]
        outputs = ops.einsum(f"...{inner},{inner}{outer}->...{outer}", inputs, self.kernel)
        return outputs if self.bias is None else ops.add(outputs, self.bias)
