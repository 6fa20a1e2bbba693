"""Recurrent ops: a compiled loop over time steps. (JAX)"""
import jax
import jax.numpy as jnp


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, unroll=False, time_major=False,
        zero_output_for_mask=False, return_all_outputs=True):
    """Runs `step_function(inputs_t, states) -> (output_t, new_states)` over the time axis as one `lax.scan`.

    inputs: a tensor or a list/tuple/dict of tensors, [batch, time, ...] ([time, batch, ...] if time_major).
    initial_states: a list of tensors. mask: booleans [batch, time] ([time, batch] if time_major); at a masked
    step the states and the output keep their previous values (the output is zero with zero_output_for_mask).
    go_backwards: the sequence is read from its last step, and the outputs come in that reversed order.
    unroll: True unrolls the whole loop (an int unrolls that many steps per iteration).
    Returns (last_output, outputs in the layout of `inputs` or None without return_all_outputs, new_states).
    """
    if not time_major:
        inputs = jax.tree.map(_swap_batch_time, inputs)
        mask = None if mask is None else _swap_batch_time(mask)
    if go_backwards:
        inputs = jax.tree.map(lambda x: jnp.flip(x, 0), inputs)
        mask = None if mask is None else jnp.flip(mask, 0)
    steps = jax.tree.leaves(inputs)[0].shape[0]
    states = [jnp.asarray(s) for s in initial_states]
    first = jax.tree.map(lambda x: x[0], inputs)
    output_spec = jax.eval_shape(lambda x, s: step_function(x, s)[0], first, states)
    zero_output = jax.tree.map(lambda spec: jnp.zeros(spec.shape, spec.dtype), output_spec)

    def body(carry, xs):
        previous_output, previous_states = carry
        x_t, m_t = xs
        output, new_states = step_function(x_t, previous_states)
        new_states = list(new_states) if isinstance(new_states, (list, tuple)) else [new_states]
        new_states = [n.astype(p.dtype) for n, p in zip(new_states, previous_states)]
        if m_t is not None:
            new_states = [_select(m_t, n, p) for n, p in zip(new_states, previous_states)]
            fallback = zero_output if zero_output_for_mask else previous_output
            output = jax.tree.map(lambda o, f: _select(m_t, o, f), output, fallback)
            kept = jax.tree.map(lambda o, p: _select(m_t, o, p), output, previous_output)
        else:
            kept = output
        return (kept, new_states), (output if return_all_outputs else None)

    unroll_steps = steps if unroll is True else max(1, int(unroll or 1))
    (last_output, final_states), outputs = jax.lax.scan(
        body, (zero_output, states), (inputs, mask), unroll=min(unroll_steps, max(steps, 1)))
    if outputs is not None and not time_major:
        outputs = jax.tree.map(_swap_batch_time, outputs)
    return last_output, outputs, final_states


def _swap_batch_time(x):
    return jnp.swapaxes(x, 0, 1)


def _select(step_mask, new, old):
    step_mask = jnp.reshape(step_mask, step_mask.shape + (1,) * (new.ndim - step_mask.ndim))
    return jnp.where(step_mask, new, old)
