"""ELU: `x` for x > 0, `alpha * (exp(x) - 1)` below."""
from kerax import ops
from kerax.layers.layer import Layer


class ELU(Layer):
    def __init__(self, alpha=1.0, **kwargs):
        super().__init__(**kwargs)
        self.alpha = alpha
        self.supports_masking = True

    def call(self, inputs):
        return ops.elu(inputs, alpha=self.alpha)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        # Keras 3 leaves `alpha` out of the config (a non-default alpha is lost there); kerax keeps it.
        return {**super().get_config(), "alpha": self.alpha}
