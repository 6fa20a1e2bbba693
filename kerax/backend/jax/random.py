"""Random numbers on JAX. `seed` is a JAX key produced by `key_from_state` (see kerax.random.SeedGenerator)
or a Python int."""
import jax
import jax.numpy as jnp

from kerax.backend import config


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


def gamma(shape, alpha, dtype=None, seed=None):
    dtype = dtype or config.floatx()
    return jax.random.gamma(_key(seed), jnp.asarray(alpha, dtype), shape, dtype=dtype)


def beta(shape, alpha, beta, dtype=None, seed=None):
    # Parameters as arrays of one dtype, so Python numbers and traced values share one compiled sampler.
    dtype = dtype or config.floatx()
    a, b = jnp.asarray(alpha, dtype), jnp.asarray(beta, dtype)
    return jax.random.beta(_key(seed), a, b, shape, dtype=dtype)
