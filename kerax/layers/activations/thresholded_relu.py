"""ThresholdedReLU (tf.keras): `x` where x > theta, else 0."""
from kerax import ops
from kerax.layers.activations.relu import check_non_negative
from kerax.layers.layer import Layer


class ThresholdedReLU(Layer):
    def __init__(self, theta=1.0, **kwargs):
        super().__init__(**kwargs)
        check_non_negative("ThresholdedReLU", "theta", theta)
        self.theta = float(theta)
        self.supports_masking = True

    def call(self, inputs):
        return ops.where(ops.greater(inputs, self.theta), inputs, ops.zeros_like(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "theta": self.theta}
