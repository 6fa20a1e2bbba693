"""tf.keras 2's `K.rnn`: a step function run over the time axis."""
from kerax.backend import engine
from kerax.backend.keras2.math import tensor

np_ = engine.numpy


def _mask_from_lengths(input_length, steps):
    lengths = engine.cast(np_.reshape(tensor(input_length), (-1, 1)), "int32")
    return np_.less(np_.arange(steps)[None, :], lengths)


def _step_mask(mask, input_length, steps, time_major):
    """The (samples, time) ((time, samples) if time_major) boolean mask, from `mask` or `input_length`."""
    if mask is not None:
        mask = engine.cast(tensor(mask), "bool")
        return np_.reshape(mask, tuple(mask.shape[:2]))
    if input_length is None or np_.ndim(tensor(input_length)) == 0:
        return None
    mask = _mask_from_lengths(input_length, steps)
    return np_.transpose(mask) if time_major else mask


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None, constants=None, unroll=False,
        input_length=None, time_major=False, zero_output_for_mask=False, return_all_outputs=True):
    """Runs `step_function(input_t, states + constants) -> (output_t, new_states)` over time.

    inputs: (samples, time, ...) ((time, samples, ...) if time_major), or a nested structure of such.
    mask: (samples, time) booleans: at a masked step states and output keep their previous values (the
    output is zero with zero_output_for_mask). Without a mask, a tensor `input_length` (samples,) masks the
    steps beyond each sample's length. Returns (last_output, outputs (samples, time, ...), new_states).
    """
    constants = tuple(constants or ())

    def step(x_t, states):
        output, new_states = step_function(x_t, tuple(states) + constants)
        return output, list(new_states) if isinstance(new_states, (list, tuple)) else [new_states]

    leaves = [tensor(x) for x in (inputs if isinstance(inputs, (list, tuple)) else [inputs])]
    inputs = type(inputs)(leaves) if isinstance(inputs, (list, tuple)) else leaves[0]
    mask = _step_mask(mask, input_length, leaves[0].shape[0 if time_major else 1], time_major)
    last_output, outputs, new_states = engine.rnn.rnn(
        step, inputs, [tensor(s) for s in initial_states], go_backwards=go_backwards, mask=mask,
        unroll=unroll, time_major=time_major, zero_output_for_mask=zero_output_for_mask,
        return_all_outputs=return_all_outputs)
    if mask is not None and zero_output_for_mask:  # as tf.keras: the output of a masked last step is zero
        last_mask = mask[0 if go_backwards else -1] if time_major else mask[:, 0 if go_backwards else -1]
        last_output = np_.where(np_.reshape(last_mask, (-1,) + (1,) * (last_output.ndim - 1)), last_output,
                                np_.zeros_like(last_output))
    if not return_all_outputs:
        outputs = np_.expand_dims(last_output, 0 if time_major else 1)
    return last_output, outputs, new_states
