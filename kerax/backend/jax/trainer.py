"""Compiled step loops: several train/test/predict steps per device call as one `lax.scan`, state donated."""
import os

import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax import checks


def compile_loop(step_fn, resident, keep_all_outputs=False, donate_state=True):
    """Compiles `step_fn(state, batch, mask) -> (state, outputs)` into a loop over K steps.

    resident: `fn(state, data, indices[K, B], masks[K, B])` gathers each batch from arrays already on the device.
    otherwise: `fn(state, batches, masks[K, B])` with every leaf of `batches` stacked to [K, B, ...].
    Returns (state, outputs), where outputs are the last step's (or, with keep_all_outputs, all stacked).
    """
    if resident:
        def loop(state, data, indices, masks):
            def body(carry, xs):
                idx, mask = xs
                batch = jax.tree.map(lambda a: a[idx], data)
                return step_fn(carry, batch, mask)
            return jax.lax.scan(body, state, (indices, masks))
    else:
        def loop(state, batches, masks):
            return jax.lax.scan(lambda carry, xs: step_fn(carry, *xs), state, (batches, masks))

    def run(*args):
        state, outputs = loop(*args)
        if not keep_all_outputs:
            outputs = jax.tree.map(lambda o: o[-1], outputs)
        return state, outputs

    return checks.compiled_with_checks(jax.jit(run, donate_argnums=(0,) if donate_state else ()))


def concatenate_steps(outputs):
    """[K, B, ...] stacked predictions -> [K * B, ...]."""
    return jax.tree.map(lambda o: jnp.reshape(o, (-1,) + o.shape[2:]), outputs)


def enable_persistent_compilation_cache():
    """Compiled steps are cached on disk (~/.kerax/jax_cache) so a second run skips slow compiles.
    Set KERAX_COMPILATION_CACHE=0 to turn this off."""
    if os.environ.get("KERAX_COMPILATION_CACHE", "1") == "0":
        return
    path = os.path.join(config.kerax_home(), "jax_cache")
    try:
        os.makedirs(path, exist_ok=True)
        jax.config.update("jax_compilation_cache_dir", path)
        jax.config.update("jax_persistent_cache_min_compile_time_secs", 1.0)
    except (OSError, AttributeError):
        pass  # a read-only home only loses the cache
