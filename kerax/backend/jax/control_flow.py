"""Compiled control flow (JAX): conditionals, loops, scans, maps, and functions with custom gradients.
Loop bodies and branches must keep the shapes and dtypes of their carried values."""
import jax

from kerax.backend.jax.tensors import _unwrap
from kerax import tree

__all__ = [
    "cond", "switch", "scan", "associative_scan", "map", "vectorized_map", "fori_loop", "while_loop",
    "custom_gradient",
]


def cond(pred, true_fn, false_fn):
    return jax.lax.cond(pred, true_fn, false_fn)


def switch(index, branches, *operands):
    """branches[index](*operands), with `index` clamped to the valid range."""
    return jax.lax.switch(index, branches, *operands)


def scan(f, init, xs=None, length=None, reverse=False, unroll=1):
    if not isinstance(unroll, bool) and (not isinstance(unroll, int) or unroll < 1):
        raise ValueError(f"scan: `unroll` must be a positive int or a bool, received unroll={unroll!r}.")
    return jax.lax.scan(f, init, xs=xs, length=length, reverse=reverse, unroll=unroll)


def associative_scan(f, elems, reverse=False, axis=0):
    return jax.lax.associative_scan(f, elems, reverse=reverse, axis=axis)


def map(f, xs):
    """[f(x) for x in xs] along the leading axis, stacked; compiled as a loop."""
    return jax.lax.map(f, xs)


def vectorized_map(function, elements):
    """function applied to each slice of `elements` along the leading axis, vectorized."""
    return jax.vmap(function)(elements)


def fori_loop(lower, upper, body_fun, init_val):
    return jax.lax.fori_loop(lower, upper, body_fun, init_val)


def while_loop(cond, body, loop_vars, maximum_iterations=None):
    """Keras's form: `cond(*loop_vars)` and `body(*loop_vars)` when `loop_vars` is a list or tuple (the result
    is then a tuple), else called with the single value; stops after `maximum_iterations` steps when given."""
    is_sequence = isinstance(loop_vars, (list, tuple))
    state = (tuple(loop_vars) if is_sequence else (loop_vars,), 0)

    def keep_going(state):
        values, step = state
        going = cond(*values)
        return going if maximum_iterations is None else going & (step < maximum_iterations)

    def step_once(state):
        values, step = state
        outputs = body(*values)
        return (tuple(outputs) if is_sequence else (outputs,)), step + 1

    values, _ = jax.lax.while_loop(keep_going, step_once, state)
    return values if is_sequence else values[0]


def custom_gradient(f):
    """`f(*args)` returns `(output, grad_fn)`; `grad_fn(upstream)` returns the gradient for each argument."""
    with_gradient = jax.custom_gradient(f)

    def call(*args, **kwargs):
        args, kwargs = tree.map_structure(_unwrap, (args, kwargs))
        return with_gradient(*args, **kwargs)

    return call
