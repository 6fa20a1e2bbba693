"""Public random functions; `seed` is an int (the same numbers every call), a SeedGenerator (fresh numbers each
call, also inside compiled steps) or None (the global generator)."""
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


def categorical(logits, num_samples, dtype="int32", seed=None):
    """(batch_size, num_samples) class indices, each row drawn from the matching row of the 2-D
    (batch_size, num_classes) unnormalized log-probabilities `logits`."""
    logits = backend.convert_to_tensor(logits)
    if len(logits.shape) != 2:
        raise ValueError("categorical: `logits` must be 2-D (batch_size, num_classes), received shape "
                         f"{tuple(logits.shape)}.")
    return backend.random.categorical(logits, num_samples, dtype, draw_seed(seed))


def dropout(inputs, rate, noise_shape=None, seed=None):
    """`inputs` with elements zeroed with probability `rate` and the rest scaled by 1 / (1 - rate); `noise_shape`
    (None entries: the input's size) shares one draw along its size-1 axes."""
    return backend.random.dropout(backend.convert_to_tensor(inputs), rate, noise_shape, draw_seed(seed))


def shuffle(x, axis=0, seed=None):
    """x with its slices along `axis` in a random order."""
    return backend.random.shuffle(backend.convert_to_tensor(x), axis, draw_seed(seed))


def gamma(shape, alpha, dtype=None, seed=None):
    return backend.random.gamma(tuple(shape), alpha, dtype, draw_seed(seed))


def binomial(shape, counts, probabilities, dtype=None, seed=None):
    """Successes in `counts` trials of probability `probabilities` (floats, as in Keras)."""
    return backend.random.binomial(tuple(shape), counts, probabilities, dtype, draw_seed(seed))


def beta(shape, alpha, beta, dtype=None, seed=None):
    return backend.random.beta(tuple(shape), alpha, beta, dtype, draw_seed(seed))
