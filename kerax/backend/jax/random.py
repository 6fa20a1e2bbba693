"""Random numbers on JAX. `seed` is a JAX key produced by `key_from_state` (see kerax.random.SeedGenerator)
or a Python int."""
import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax.tensors import compiled


def key_from_state(state):
    """A key for this draw from a seed state [seed, counter]; pure, so it works inside compiled steps."""
    return jax.random.fold_in(jax.random.PRNGKey(state[0]), state[1])


def advance_state(state):
    return state + jnp.array([0, 1], dtype=state.dtype)


def _key(seed):
    if isinstance(seed, int):
        return jax.random.PRNGKey(seed)
    return seed


def normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    dtype = dtype or config.floatx()
    return mean + stddev * jax.random.normal(_key(seed), shape, dtype=dtype)


def uniform(shape, minval=0.0, maxval=1.0, dtype=None, seed=None):
    dtype = dtype or config.floatx()
    return jax.random.uniform(_key(seed), shape, dtype=dtype, minval=minval, maxval=maxval)


def truncated_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None):
    dtype = dtype or config.floatx()
    return mean + stddev * jax.random.truncated_normal(_key(seed), -2.0, 2.0, shape, dtype=dtype)


def randint(shape, minval, maxval, dtype="int32", seed=None):
    return jax.random.randint(_key(seed), shape, minval, maxval, dtype=dtype)


def bernoulli_keep_mask(shape, keep_probability, seed=None):
    return jax.random.bernoulli(_key(seed), keep_probability, shape)


def permutation(x, seed=None):
    return jax.random.permutation(_key(seed), x)


@compiled("num_samples", "dtype")
def categorical(logits, num_samples, dtype="int32", seed=None):
    """(batch, num_samples) class indices drawn from each row of unnormalized log-probabilities."""
    logits = jnp.asarray(logits)
    samples = jax.random.categorical(_key(seed), logits[:, None, :], axis=-1,
                                     shape=(logits.shape[0], num_samples))
    return samples.astype(dtype)


@compiled("rate", "noise_shape")
def dropout(inputs, rate, noise_shape=None, seed=None):
    """inputs with each element (or each `noise_shape` slice) zeroed with probability `rate`, the rest scaled by
    1 / (1 - rate)."""
    inputs = jnp.asarray(inputs)
    if rate == 1.0:
        return jnp.zeros_like(inputs)
    if rate == 0.0:
        return inputs
    noise_shape = inputs.shape if noise_shape is None else tuple(
        n if d is None else d for n, d in zip(inputs.shape, noise_shape))
    keep = jnp.broadcast_to(jax.random.bernoulli(_key(seed), 1.0 - rate, noise_shape), inputs.shape)
    return jnp.where(keep, inputs / (1.0 - rate), jnp.zeros_like(inputs)).astype(inputs.dtype)


@compiled("axis")
def shuffle(x, axis=0, seed=None):
    """The slices of x along `axis` in a random order (whole slices move, as with Keras's TensorFlow and torch
    backends; Keras's JAX backend instead shuffles each 1-D line along `axis` independently)."""
    return jax.random.permutation(_key(seed), jnp.asarray(x), axis=axis, independent=False)


@compiled("shape", "dtype")
def gamma(shape, alpha, dtype=None, seed=None):
    return jax.random.gamma(_key(seed), jnp.asarray(alpha), shape=shape, dtype=dtype or config.floatx())


@compiled("shape", "dtype")
def binomial(shape, counts, probabilities, dtype=None, seed=None):
    return jax.random.binomial(_key(seed), jnp.asarray(counts), jnp.asarray(probabilities), shape=shape,
                               dtype=dtype or config.floatx())


@compiled("shape", "dtype")
def beta(shape, alpha, beta, dtype=None, seed=None):
    return jax.random.beta(_key(seed), jnp.asarray(alpha), jnp.asarray(beta), shape=shape,
                           dtype=dtype or config.floatx())
