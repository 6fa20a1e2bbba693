"""The carried states of a `stateful=True` RNN: non-trainable Variables, one per state, for a fixed batch size.
Each call starts from them and assigns the final states back, so the next batch continues the sequences."""
import numpy as np

from kerax import backend, ops


def create(layer, sequences_shape):
    batch_size = sequences_shape[0]
    if batch_size is None and layer._batch_input_shape is not None:
        batch_size = layer._batch_input_shape[0]
    if batch_size is None:
        raise ValueError(
            f'Layer "{layer.name}" has stateful=True, which needs a fixed batch size, but its input shape '
            f"{tuple(sequences_shape)} leaves the batch size unknown. Pass `batch_input_shape=(batch, time, "
            "features)` or `batch_size=` to the first layer, or use `kerax.Input(shape, batch_size=...)`."
        )
    return [
        backend.Variable(np.zeros((batch_size,) + dims_of(size), dtype=layer.compute_dtype), trainable=False,
                         name=f"state_{index}" if index else "state")
        for index, size in enumerate(layer._flat_state_size)
    ]


def current(layer, batch_size):
    expected = layer.states[0].shape[0]
    if batch_size != expected:
        raise ValueError(
            f'Stateful layer "{layer.name}" was built for batches of {expected} samples and received a batch of '
            f"{batch_size}. A stateful RNN carries one state per sample position: feed batches of exactly "
            f"{expected} samples (e.g. `batch_size={expected}` in fit/predict, with a sample count divisible by it)."
        )
    return [state.value for state in layer.states]


def update(layer, new_states):
    for variable, value in zip(layer.states, new_states):
        variable.assign(ops.cast(value, variable.dtype))


def reset(layer, values=None):
    if not layer.stateful:
        raise AttributeError(f'Layer "{layer.name}" is not stateful: only RNN layers with stateful=True have states '
                             "to reset.")
    if layer.states is None:
        return  # not built yet: the states will start at zero
    if values is None:
        values = [np.zeros(v.shape, dtype=v.dtype) for v in layer.states]
    values = list(values) if isinstance(values, (list, tuple)) else [values]
    if len(values) != len(layer.states):
        raise ValueError(f'Layer "{layer.name}" has {len(layer.states)} state(s); reset_states() received '
                         f"{len(values)} value(s).")
    for variable, value in zip(layer.states, values):
        variable.assign(value)


def dims_of(size):
    """A state or output size (int or shape) as a tuple of dimensions."""
    return tuple(size) if isinstance(size, (list, tuple)) else (size,)
