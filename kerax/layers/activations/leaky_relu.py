"""LeakyReLU: `x` for x >= 0, `negative_slope * x` below (Keras 2 called the slope `alpha`)."""
from kerax import ops
from kerax.layers.activations.relu import check_non_negative
from kerax.layers.layer import Layer


class LeakyReLU(Layer):
    def __init__(self, negative_slope=0.3, **kwargs):
        negative_slope = kwargs.pop("alpha", negative_slope)  # tf.keras configs write `alpha`
        super().__init__(**kwargs)
        check_non_negative("LeakyReLU", "negative_slope", negative_slope)
        self.negative_slope = negative_slope
        self.supports_masking = True

    def call(self, inputs):
        return ops.leaky_relu(inputs, negative_slope=self.negative_slope)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "negative_slope": self.negative_slope}
