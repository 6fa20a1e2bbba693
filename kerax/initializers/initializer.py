"""The Initializer base class and the seed handling that random initializers share."""
import numpy as np

from kerax import random
from kerax.random import SeedGenerator
from kerax.serialization import registry as serialization


class Initializer:
    """`initializer(shape, dtype=None)` returns a tensor of that shape (dtype defaults to floatx)."""

    def __call__(self, shape, dtype=None):
        raise NotImplementedError(f"{type(self).__name__} must implement __call__(shape, dtype=None).")

    def get_config(self):
        return {}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config.pop("dtype", None)  # written by TF 1.x initializers; the dtype is now given at call time
        return cls(**config)

    def clone(self):
        return self.__class__.from_config(self.get_config())


class RandomInitializer(Initializer):
    """`seed`: None draws a fresh seed on every call (repeatable after `kerax.random.set_global_seed`), an int
    gives the same values on every call, a `SeedGenerator` advances on every call."""

    def __init__(self, seed=None):
        if isinstance(seed, dict):  # a serialized SeedGenerator
            seed = SeedGenerator(**seed.get("config", {}))
        elif isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
            seed = int(seed)
        elif seed is not None and not isinstance(seed, SeedGenerator):
            raise ValueError(
                f"`seed` must be None, an integer or a `kerax.random.SeedGenerator`. Received: seed={seed!r}"
            )
        self.seed = seed

    def get_config(self):
        seed = serialization.serialize(self.seed) if isinstance(self.seed, SeedGenerator) else self.seed
        return {"seed": seed}

    # Initial values are drawn with NumPy: drawing them with the engine compiles a random kernel for every
    # new weight shape (0.1-0.3 s each on CPU), which dominated model start-up. A SeedGenerator seed keeps
    # drawing from the engine, as it may be used inside compiled code.
    def _numpy_rng(self):
        return np.random.default_rng(self.seed if isinstance(self.seed, int) else random.fresh_seed())

    def _normal(self, shape, mean, stddev, dtype):
        if isinstance(self.seed, SeedGenerator):
            return random.normal(shape, mean, stddev, dtype, seed=self.seed)
        return (mean + stddev * self._numpy_rng().standard_normal(shape)).astype(dtype)

    def _uniform(self, shape, minval, maxval, dtype):
        if isinstance(self.seed, SeedGenerator):
            return random.uniform(shape, minval, maxval, dtype, seed=self.seed)
        return self._numpy_rng().uniform(minval, maxval, shape).astype(dtype)

    def _truncated_normal(self, shape, mean, stddev, dtype):
        """Normal values, each redrawn until it lies within two standard deviations of the mean."""
        if isinstance(self.seed, SeedGenerator):
            return random.truncated_normal(shape, mean, stddev, dtype, seed=self.seed)
        rng = self._numpy_rng()
        values = rng.standard_normal(shape)
        outside = np.abs(values) > 2.0
        while outside.any():
            values[outside] = rng.standard_normal(int(outside.sum()))
            outside = np.abs(values) > 2.0
        return (mean + stddev * values).astype(dtype)
