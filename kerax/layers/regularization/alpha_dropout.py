"""AlphaDropout (Klambauer et al., 2017), for SELU networks: in training, dropped inputs are set to SELU's
negative saturation value `-scale * alpha` and the result is scaled and shifted (`a * x + b`) so that the mean
and variance of standardized inputs are kept."""
from kerax import ops, random
from kerax.layers.layer import Layer

_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


class AlphaDropout(Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate <= 1:
            raise ValueError(f"AlphaDropout: `rate` must be in [0, 1], received rate={rate!r}.")
        self.rate = rate
        self.noise_shape = noise_shape
        self.seed = seed
        self.seed_generator = random.SeedGenerator(seed, name="seed_generator")
        self.supports_masking = True

    def call(self, inputs, training=False):
        if not training or self.rate == 0:
            return inputs
        shape = tuple(inputs.shape) if self.noise_shape is None else tuple(
            inputs.shape[i] if n is None else n for i, n in enumerate(self.noise_shape))
        kept = ops.greater_equal(random.uniform(shape, seed=self.seed_generator), self.rate)
        saturation = -_SELU_ALPHA * _SELU_SCALE
        a = ((1 - self.rate) * (1 + self.rate * saturation ** 2)) ** -0.5
        b = -a * saturation * self.rate
        x = ops.where(kept, inputs, ops.cast(saturation, inputs.dtype))
        return ops.add(ops.multiply(x, a), b)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed, "noise_shape": self.noise_shape}
