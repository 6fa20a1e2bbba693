"""tf.keras 2's random tensors. Without a seed, each call draws one from NumPy's global generator, as
tf.keras does (so `np.random.seed` / `kerax.utils.set_random_seed` make them repeatable)."""
import warnings

import numpy as np

from kerax.backend import config, engine

np_ = engine.numpy


def draw_seed(seed):
    """An engine random key from an int seed (drawn from NumPy's global generator when None)."""
    seed = int(np.random.randint(10_000_000)) if seed is None else int(seed)
    return engine.random.key_from_state(np.array([seed, 0], dtype="uint32"))


def _float(dtype):
    return config.floatx() if dtype is None else dtype


def random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return engine.random.normal(tuple(shape), mean, stddev, _float(dtype), draw_seed(seed))


def random_uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return engine.random.uniform(tuple(shape), minval, maxval, _float(dtype), draw_seed(seed))


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    """Normal draws redrawn beyond two standard deviations from the mean."""
    return engine.random.truncated_normal(tuple(shape), mean, stddev, _float(dtype), draw_seed(seed))


def random_bernoulli(shape, p=0.0, dtype=None, seed=None):
    """1.0 with probability p, else 0.0."""
    uniform = random_uniform(shape, dtype=_float(dtype), seed=seed)
    return engine.cast(np_.less_equal(uniform, p), _float(dtype))


def random_binomial(shape, p=0.0, dtype=None, seed=None):
    warnings.warn("`K.random_binomial` is deprecated (as in tf.keras); use `K.random_bernoulli` instead.",
                  DeprecationWarning, stacklevel=2)
    return random_bernoulli(shape, p, dtype, seed)
