"""The Initializer base class and the seed handling that random initializers share."""
import numpy as np

from kerax.random import SeedGenerator
from kerax.saving import serialization


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
