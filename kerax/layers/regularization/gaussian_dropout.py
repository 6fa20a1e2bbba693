"""GaussianDropout: multiplies inputs by normal noise of mean 1 and variance rate / (1 - rate), in training
only."""
import math

from kerax import ops, random
from kerax.layers.layer import Layer


class GaussianDropout(Layer):
    def __init__(self, rate, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate < 1:
            raise ValueError(f"GaussianDropout: `rate` must be in [0, 1), received rate={rate}.")
        self.rate = float(rate)
        self.seed = seed
        self.seed_generator = random.SeedGenerator(seed, name="seed_generator") if self.rate > 0 else None
        self.supports_masking = True

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        stddev = math.sqrt(self.rate / (1.0 - self.rate))
        noise = random.normal(inputs.shape, mean=1.0, stddev=stddev, dtype=inputs.dtype,
                              seed=self.seed_generator)
        return ops.multiply(inputs, noise)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "seed": self.seed}
