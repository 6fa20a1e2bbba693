"""Value checks that cost compiled code almost nothing. (JAX)

Concrete values are checked at once. In traced code a check is a reduction and a conditional: the host is called
only when a bad value exists, and it records the error instead of raising inside the device program (which
would lose the program's donated state, i.e. the model's weights). The caller raises it once the call has
returned and its results are stored (see `compiled_with_checks`, `raise_reported`).
"""
import threading

import jax
import jax.numpy as jnp
import numpy as np

_lock = threading.Lock()
_reported = []  # errors recorded by compiled code, raised by the caller
_traced_checks = [0]  # checks added to traced programs so far


def check_in_range(x, low, high, describe):
    """Raises `ValueError(describe(value))` for the first element of integer tensor `x` outside [low, high)."""
    if not isinstance(x, jax.core.Tracer):
        values = np.asarray(x)
        bad = (values < low) | (values >= high)
        if bad.any():
            raise ValueError(describe(int(values[bad].flat[0])))
        return
    _traced_checks[0] += 1

    def report(flat):
        bad = (flat < low) | (flat >= high)
        jax.debug.callback(lambda value, flag: _record(describe, value, flag), flat[jnp.argmax(bad)], bad.any())

    flat = jnp.ravel(x)
    jax.lax.cond(jnp.any((flat < low) | (flat >= high)), report, lambda flat: None, flat)


def _record(describe, value, flag):
    # Under vmap the conditional becomes a select and this runs for every call: the flag says which were bad.
    flags, values = np.ravel(np.asarray(flag)), np.ravel(np.asarray(value))
    if flags.any():
        with _lock:
            _reported.append(ValueError(describe(int(values[int(flags.argmax())]))))


def raise_reported():
    """Raises (and clears) the first error that compiled code reported, if any."""
    with _lock:
        errors = list(_reported)
        _reported.clear()
    if errors:
        raise errors[0]


def compiled_with_checks(compiled):
    """Wraps a jitted function so that, when its program holds checks, the call returns only once the program
    has finished (and so its checks have reported). The caller then stores the results and calls
    `raise_reported()`."""
    holds_checks = [False]

    def run(*args):
        before = _traced_checks[0]
        outputs = compiled(*args)
        holds_checks[0] = holds_checks[0] or _traced_checks[0] != before
        if holds_checks[0]:
            jax.block_until_ready(outputs)
        return outputs

    return run
