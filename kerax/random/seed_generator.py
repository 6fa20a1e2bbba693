"""Seed state as a Variable, so random layers draw fresh numbers every step even inside compiled steps."""
import random as python_random

import numpy as np

from kerax import backend

_global_rng = python_random.Random()


def set_global_seed(seed):
    """Reseeds every source of randomness that kerax draws from when no explicit seed is given."""
    _global_rng.seed(seed)


def fresh_seed():
    """A new seed from the global source (repeatable after `set_global_seed`)."""
    return _global_rng.randint(0, 2**31 - 1)


class SeedGenerator:
    _is_seed_generator = True  # found by Layer tracking without importing this module

    def __init__(self, seed=None, name="seed_generator"):
        self.initial_seed = fresh_seed() if seed is None else int(seed)
        self.name = name
        self.state = backend.Variable(
            np.array([self.initial_seed, 0], dtype="uint32"), dtype="uint32", trainable=False, name=name
        )

    def next(self):
        state = self.state.value
        self.state.assign(backend.random.advance_state(state))
        return backend.random.key_from_state(state)

    def get_config(self):
        return {"seed": self.initial_seed}


def draw_seed(seed):
    """A backend key from an int, a SeedGenerator, or None (the global generator)."""
    if isinstance(seed, SeedGenerator):
        return seed.next()
    if seed is None:
        return backend.random.key_from_state(np.array([fresh_seed(), 0], dtype="uint32"))
    if isinstance(seed, (int, np.integer)):
        return backend.random.key_from_state(np.array([int(seed), 0], dtype="uint32"))
    return seed
