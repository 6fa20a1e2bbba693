"""ReLU: `max_value` above it, `x` from `threshold` up, `negative_slope * (x - threshold)` below."""
from kerax import activations
from kerax.layers.layer import Layer


def check_non_negative(layer, name, value, allow_none=False):
    """A ValueError naming the layer and argument unless `value` is a number >= 0 (or None if allowed)."""
    if value is None and allow_none:
        return
    if value is None or value < 0:
        raise ValueError(f"{layer}: `{name}` must be a number >= 0, received {name}={value!r}.")


class ReLU(Layer):
    def __init__(self, max_value=None, negative_slope=0.0, threshold=0.0, **kwargs):
        super().__init__(**kwargs)
        check_non_negative("ReLU", "max_value", max_value, allow_none=True)
        check_non_negative("ReLU", "negative_slope", negative_slope)
        check_non_negative("ReLU", "threshold", threshold)
        self.max_value = max_value
        self.negative_slope = negative_slope
        self.threshold = threshold
        self.supports_masking = True

    def call(self, inputs):
        return activations.relu(inputs, negative_slope=self.negative_slope, max_value=self.max_value,
                                threshold=self.threshold)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "max_value": self.max_value, "negative_slope": self.negative_slope,
                "threshold": self.threshold}
