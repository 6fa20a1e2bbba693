"""RMSNormalization: `x / sqrt(mean(x ** 2 over axis) + epsilon) * scale`, with a learned `scale` over the
normalized axes. Computes in at least float32."""
from kerax import backend, ops
from kerax.layers.layer import Layer
from kerax.layers.normalization.axes import broadcast_shape, normalize_axes, parameter_shape


class RMSNormalization(Layer):
    def __init__(self, axis=-1, epsilon=1e-6, **kwargs):
        super().__init__(**kwargs)
        self.axis = list(axis) if isinstance(axis, tuple) else axis
        self.epsilon = epsilon

    def build(self, input_shape):
        self._axes = normalize_axes(self.axis, input_shape, self)
        self._broadcast = broadcast_shape(len(input_shape), self._axes, input_shape)
        self.scale = self.add_weight(name="scale", shape=parameter_shape(input_shape, self._axes),
                                     initializer="ones")
        self.built = True

    def call(self, inputs):
        dtype = backend.standardize_dtype(inputs.dtype)
        x = ops.cast(inputs, "float64" if dtype == "float64" else "float32")
        mean_square = ops.mean(ops.square(x), axis=self._axes, keepdims=True)
        x = ops.divide(x, ops.sqrt(ops.add(mean_square, self.epsilon)))
        x = ops.multiply(x, ops.reshape(ops.cast(self.scale, x.dtype), self._broadcast))
        return ops.cast(x, dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "axis": self.axis, "epsilon": self.epsilon}
