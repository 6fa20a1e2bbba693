"""GaussianNoise: adds zero-centred normal noise of standard deviation `stddev`, in training only."""
from kerax import ops, random
from kerax.layers.layer import Layer


class GaussianNoise(Layer):
    def __init__(self, stddev, seed=None, **kwargs):
        super().__init__(**kwargs)
        if stddev < 0:
            raise ValueError(f"GaussianNoise: `stddev` must be non-negative, received stddev={stddev}.")
        self.stddev = float(stddev)
        self.seed = seed
        self.seed_generator = random.SeedGenerator(seed, name="seed_generator") if self.stddev > 0 else None
        self.supports_masking = True

    def call(self, inputs, training=None):
        if not training or self.stddev == 0:
            return inputs
        noise = random.normal(inputs.shape, stddev=self.stddev, dtype=inputs.dtype, seed=self.seed_generator)
        return ops.add(inputs, noise)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        return {**super().get_config(), "stddev": self.stddev, "seed": self.seed}
