"""Dropout: zeroes a fraction `rate` of inputs while training and scales the rest by 1 / (1 - rate)."""
from kerax import backend, ops
from kerax.layers.layer import Layer
from kerax.random import SeedGenerator


class Dropout(Layer):
    def __init__(self, rate, noise_shape=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        if not 0 <= rate <= 1:
            raise ValueError(f"Dropout: `rate` must be in [0, 1], received rate={rate}.")
        self.rate = float(rate)
        self.noise_shape = noise_shape
        self.seed = seed
        # As in Keras, only a layer that drops anything has random state (and saves it).
        self.seed_generator = SeedGenerator(seed, name="seed_generator") if self.rate > 0 else None
        self.supports_masking = True

    def call(self, inputs, training=None):
        if not training or self.rate == 0:
            return inputs
        shape = tuple(
            inputs.shape[i] if d is None else d for i, d in enumerate(self.noise_shape)
        ) if self.noise_shape is not None else inputs.shape
        keep = backend.random.bernoulli_keep_mask(shape, 1.0 - self.rate, self.seed_generator.next())
        return ops.where(keep, inputs / (1.0 - self.rate), ops.zeros_like(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "rate": self.rate, "noise_shape": self.noise_shape, "seed": self.seed}
