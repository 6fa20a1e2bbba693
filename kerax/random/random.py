"""Public random functions; `seed` is an int, a SeedGenerator or None."""
from kerax import backend
from kerax.random.seed_generator import draw_seed


def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return backend.random.normal(tuple(shape), mean, stddev, dtype, draw_seed(seed))


def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    return backend.random.uniform(tuple(shape), minval, maxval, dtype, draw_seed(seed))


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    return backend.random.truncated_normal(tuple(shape), mean, stddev, dtype, draw_seed(seed))


def randint(shape, minval, maxval, dtype="int32", seed=None):
    return backend.random.randint(tuple(shape), minval, maxval, dtype, draw_seed(seed))


def gamma(shape, alpha, dtype=None, seed=None):
    return backend.random.gamma(tuple(shape), alpha, dtype, draw_seed(seed))


def beta(shape, alpha, beta, dtype=None, seed=None):
    return backend.random.beta(tuple(shape), alpha, beta, dtype, draw_seed(seed))


def shuffle(x, axis=0, seed=None):
    """`x` with its entries along `axis` in a random order."""
    order = backend.random.permutation(x.shape[axis], draw_seed(seed))
    return backend.numpy.take(x, order, axis=axis)
