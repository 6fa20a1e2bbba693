"""SpectralNormalization (Miyato et al., 2018): wraps a layer with a `kernel` (or `embeddings`) and, in
training, divides that kernel by its largest singular value, estimated by `power_iterations` steps of the
power method from the stored vector `vector_u` (1, kernel.shape[-1]).

As in Keras, the layer's own weights are the wrapped kernel and `vector_u` (so saved files line up), and the
normalized kernel is assigned to the wrapped layer's kernel in training; inside a compiled step the
optimizer's update of the kernel replaces that assignment, as on Keras's JAX backend.
"""
from kerax import backend, initializers, ops
from kerax.layers.core.wrapper import Wrapper
from kerax.layers.input_spec import InputSpec


class SpectralNormalization(Wrapper):
    _saves_sublayer_variables = True  # its own weights include the wrapped kernel, as in Keras's files

    def __init__(self, layer, power_iterations=1, **kwargs):
        super().__init__(layer, **kwargs)
        if not isinstance(power_iterations, int) or power_iterations <= 0:
            raise ValueError("SpectralNormalization: `power_iterations` must be a positive integer, received "
                             f"power_iterations={power_iterations!r}.")
        self.power_iterations = power_iterations

    def build(self, input_shape):
        super().build(input_shape)
        self.input_spec = InputSpec(min_ndim=1, axes={-1: input_shape[-1]})
        kernel = getattr(self.layer, "kernel", None)
        kernel = kernel if kernel is not None else getattr(self.layer, "embeddings", None)
        if kernel is None:
            raise ValueError(f'SpectralNormalization layer "{self.name}": the wrapped '
                             f"{type(self.layer).__name__} has neither a `kernel` nor an `embeddings` weight "
                             "to normalize.")
        self.kernel = kernel
        self.vector_u = self.add_weight(
            name="vector_u", shape=(1, kernel.shape[-1]), trainable=False, dtype=kernel.dtype,
            initializer=initializers.TruncatedNormal(stddev=0.02))

    def _own_state(self):  # Keras's order: trainable (the wrapped kernel) first
        return [self.kernel, self.vector_u] if self.built else []

    def call(self, inputs, training=False):
        if training:
            unchanged = (lambda: (self.vector_u.value, self.kernel.value))  # an all-zero kernel has no norm
            vector_u, kernel = ops.cond(ops.all(ops.equal(self.kernel.value, 0)), unchanged,
                                        self.normalized_weights)
            self.vector_u.assign(vector_u)
            self.kernel.assign(kernel)
        return ops.cast(self.layer(inputs), inputs.dtype)

    def normalized_weights(self):
        """(the next `vector_u`, the kernel divided by its estimated spectral norm)."""
        weights = ops.reshape(self.kernel.value, (-1, self.kernel.shape[-1]))
        vector_u = self.vector_u.value
        for _ in range(self.power_iterations):
            vector_v = _unit(ops.matmul(vector_u, ops.transpose(weights)))
            vector_u = _unit(ops.matmul(vector_v, weights))
        vector_u, vector_v = ops.stop_gradient(vector_u), ops.stop_gradient(vector_v)
        sigma = ops.matmul(ops.matmul(vector_v, weights), ops.transpose(vector_u))
        kernel = ops.reshape(ops.divide(weights, sigma), self.kernel.shape)
        return ops.cast(vector_u, self.vector_u.dtype), ops.cast(kernel, self.kernel.dtype)

    def get_config(self):
        return {**super().get_config(), "power_iterations": self.power_iterations}


def _unit(x):
    """`x` over its L2 norm (at least `epsilon`), as Keras's `normalize(x, axis=None)`."""
    squares = ops.sum(ops.square(x))
    return ops.divide(x, ops.sqrt(ops.maximum(squares, backend.epsilon() ** 2)))
