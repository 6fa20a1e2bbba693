"""Compiled step loops: several train/test/predict steps per device call as one `lax.scan`."""
import os

import jax
import jax.numpy as jnp

from kerax.backend import config
from kerax.backend.jax import checks, distribution, settings


def compile_loop(step_fn, resident, keep_all_outputs=False, donate_state=True, placement=None):
    """Compiles `step_fn(state, batch, mask) -> (state, outputs)` into a loop over K steps.

    resident: `fn(state, data, indices[K, B], masks[K, B])` gathers each batch from arrays already on the device.
    otherwise: `fn(state, batches, masks[K, B])` with every leaf of `batches` stacked to [K, B, ...].
    Returns (state, outputs), where outputs are the last step's (or, with keep_all_outputs, all stacked).
    With a `placement` (distribution.step_placement) the rows of each batch are split over the mesh and the
    state keeps its layouts; XLA inserts the reductions (e.g. of gradients) inside the same program.
    With `donate_state` the state's buffers are given to the program (training: no copy of the weights).
    Without, the state is left valid for other readers, and the entries the step leaves unchanged come back
    as None (inference: the weights are neither copied nor carried through the loop).
    """
    rows = (lambda tree: tree) if placement is None else (
        lambda tree: jax.tree.map(lambda a: jax.lax.with_sharding_constraint(a, placement.rows), tree))
    if resident:
        def split(data, indices, masks):
            def batch_of(xs):
                idx, mask = rows(xs)
                return rows(jax.tree.map(lambda a: a[idx], data)), mask
            return (indices, masks), batch_of
    else:
        def split(batches, masks):
            return (batches, masks), rows

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

    donate = (0,) if donate_state else ()
    if placement is None:
        compiled = jax.jit(run, donate_argnums=donate)
    else:
        data = placement.replicated if resident else placement.steps
        in_shardings = (placement.state, data, placement.steps) + ((placement.steps,) if resident else ())
        compiled = jax.jit(run, donate_argnums=donate, in_shardings=in_shardings,
                           out_shardings=(placement.state, None))
        if placement.processes > 1:
            if resident:
                raise ValueError("With several processes, batches stream from each process's host: "
                                 "compile_loop(resident=True) cannot take their different data sets.")
            compiled = _fed_by_every_process(compiled, placement)
    return checks.compiled_with_checks(_logging_placement(compiled, placement))


def _fed_by_every_process(compiled, placement):
    def run(state, batches, masks):
        return compiled(state, *placement.global_batches((batches, masks)))

    return run


def _logging_placement(compiled, placement):
    """Logs where the program ran, after its first call (log_device_placement)."""
    logged = [False]

    def run(*args):
        results = compiled(*args)
        if not logged[0]:
            logged[0] = True
            leaves = [leaf for leaf in jax.tree.leaves(results) if hasattr(leaf, "sharding")]
            devices = sorted({f"{d.platform}:{d.id}" for leaf in leaves[:1]
                              for d in leaf.sharding.device_set})
            split = f" (each batch split over {placement.replicas} devices)" if placement is not None else ""
            settings.log_placement(f"a compiled step{split}", devices)
        return results

    return run


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
    """[K, B, ...] stacked predictions -> [K * B, ...] (with several processes, this process's rows)."""
    def concatenate(o):
        if not o.is_fully_addressable:
            o = distribution.local_value(o)
        return jnp.reshape(o, (-1,) + o.shape[2:])

    return jax.tree.map(concatenate, outputs)


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
