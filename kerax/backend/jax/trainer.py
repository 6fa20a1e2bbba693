"""Compiled step loops: several train/test/predict steps per device call as one `lax.scan`."""
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
    With `donate_state` the state's buffers are given to the program (training: no copy of the weights).
    Without, the state is left valid for other readers, and the entries the step leaves unchanged come back
    as None (inference: the weights are neither copied nor carried through the loop).
    """
    if resident:
        def split(data, indices, masks):
            return (indices, masks), lambda xs: (jax.tree.map(lambda a: a[xs[0]], data), xs[1])
    else:
        def split(batches, masks):
            return (batches, masks), lambda xs: xs

    def run(state, *args):
        xs, batch_of = split(*args)
        changed = [True] * len(state) if donate_state else _changed(step_fn, state, batch_of, xs)
        fixed = [None if c else s for s, c in zip(state, changed)]

        def body(carry, step_xs):
            full = _merge(carry, fixed, changed)
            new_state, outputs = step_fn(full, *batch_of(step_xs))
            return [n for n, c in zip(new_state, changed) if c], outputs

        carry, outputs = jax.lax.scan(body, [s for s, c in zip(state, changed) if c], xs)
        if not keep_all_outputs:
            outputs = jax.tree.map(lambda o: o[-1], outputs)
        return _merge(carry, [None] * len(state), changed), outputs

    return checks.compiled_with_checks(jax.jit(run, donate_argnums=(0,) if donate_state else ()))


def _changed(step_fn, state, batch_of, xs):
    """Which state entries one step writes: an output that is its input unchanged was not written."""
    first = jax.tree.map(lambda a: a[0], xs)
    closed = jax.make_jaxpr(lambda s: step_fn(s, *batch_of(first))[0])(state)
    inputs, outputs = closed.jaxpr.invars, closed.jaxpr.outvars
    return [outputs[i] is not inputs[i] for i in range(len(state))]


def _merge(changed_values, fixed, changed):
    values = iter(changed_values)
    return [next(values) if c else f for f, c in zip(fixed, changed)]


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
