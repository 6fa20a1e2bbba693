"""RNN: runs a cell over the time axis of [batch, time, features] inputs as one compiled loop.

A cell is a layer with `call(inputs_t, states) -> (output_t, new_states)` and a `state_size`; a list of cells
runs as one StackedRNNCells. Built-in cells (SimpleRNNCell, GRUCell, LSTMCell) project every time step's
inputs with one matmul before the loop, so the loop only does the recurrent matmul. Masked time steps keep the
previous states and output.
"""
from kerax import ops, regularizers, tree
from kerax.layers.input_spec import InputSpec
from kerax.layers.layer import Layer
from kerax.layers.recurrent import rnn_state
from kerax.layers.recurrent.stacked_rnn_cells import StackedRNNCells
from kerax.layers.nested import deserialize_layer
from kerax.serialization import registry as serialization


class RNN(Layer):
    def __init__(self, cell, return_sequences=False, return_state=False, go_backwards=False, stateful=False,
                 unroll=False, zero_output_for_mask=False, **kwargs):
        if isinstance(cell, (list, tuple)):
            cell = StackedRNNCells(cell)
        if not hasattr(cell, "call") or not hasattr(cell, "state_size"):
            raise ValueError(f"RNN: `cell` must have a `call(inputs, states)` method and a `state_size` attribute, "
                             f"received {cell!r}.")
        super().__init__(**kwargs)
        self.cell = cell
        self.return_sequences = bool(return_sequences)
        self.return_state = bool(return_state)
        self.go_backwards = bool(go_backwards)
        self.stateful = bool(stateful)
        self.unroll = unroll
        self.zero_output_for_mask = bool(zero_output_for_mask)
        self.supports_masking = True
        self.input_spec = InputSpec(min_ndim=3)
        self.states = None

    @property
    def state_size(self):
        size = self.cell.state_size
        return list(size) if isinstance(size, (list, tuple)) else [size]

    @property
    def _flat_state_size(self):
        """One size per state tensor (a stack's cells' states one after the other)."""
        return self.cell.flat_state_size if isinstance(self.cell, StackedRNNCells) else self.state_size

    def build(self, sequences_shape, initial_state_shape=None):
        if isinstance(sequences_shape, list) and sequences_shape and isinstance(sequences_shape[0], (tuple, list)):
            sequences_shape = sequences_shape[0]  # [sequences, *initial_states]
        if not self.cell.built:
            self.cell.build((sequences_shape[0],) + tuple(sequences_shape[2:]))
            self.cell.built = True
        self._adopt_paths(self.cell)
        if self.stateful and self.states is None:
            self.states = rnn_state.create(self, sequences_shape)
        self.built = True

    def call(self, sequences, initial_state=None, mask=None, training=False):
        if isinstance(sequences, (list, tuple)):
            sequences, *extra = sequences
            initial_state = initial_state if initial_state is not None else (extra or None)
        if isinstance(mask, (list, tuple)):
            mask = mask[0]
        batch_size = sequences.shape[0]
        if initial_state is not None:
            states = [ops.convert_to_tensor(s) for s in tree.flatten(_as_list(initial_state))]
        elif self.stateful:
            states = rnn_state.current(self, batch_size)
        else:
            states = self._initial_states(batch_size)
        time_major = ops.swapaxes(sequences, 0, 1)
        step, time_major = self._step_function(time_major, batch_size, training)
        last_output, outputs, new_states = ops.rnn(
            step, time_major, states, go_backwards=self.go_backwards,
            mask=None if mask is None else ops.swapaxes(ops.cast(mask, "bool"), 0, 1), unroll=self.unroll,
            time_major=True, zero_output_for_mask=self.zero_output_for_mask,
            return_all_outputs=self.return_sequences)
        if self.stateful:
            rnn_state.update(self, new_states)
        output = ops.swapaxes(outputs, 0, 1) if self.return_sequences else last_output
        if not self.return_state:
            return output
        stacked = isinstance(self.cell, StackedRNNCells)
        return [output] + (self.cell.nest(new_states) if stacked else new_states)

    def _step_function(self, time_major, batch_size, training):
        """The loop body and its inputs. Built-in cells give their own (`rnn_step`): every step's inputs
        projected before the loop, dropout masks drawn once per sequence."""
        cell = self.cell
        rnn_step = getattr(cell, "rnn_step", None)
        if rnn_step is not None:
            return rnn_step(time_major, batch_size, training)
        kwargs = {"training": training} if getattr(cell, "_call_accepts_training", False) else {}

        def step(x_t, states):
            output, new_states = cell(x_t, states, **kwargs)
            return output, _as_list(new_states)

        return step, time_major

    def _initial_states(self, batch_size):
        make = getattr(self.cell, "get_initial_state", None)
        if make is not None:
            return tree.flatten(_as_list(make(batch_size=batch_size)))
        return [ops.zeros((batch_size,) + rnn_state.dims_of(size), self.compute_dtype)
                for size in self._flat_state_size]

    def get_initial_state(self, batch_size):
        return self._initial_states(batch_size)

    def reset_states(self, states=None):
        """Stateful layers: sets the carried states to zeros, or to the given arrays."""
        rnn_state.reset(self, states)

    reset_state = reset_states

    def compute_mask(self, inputs, previous_mask=None):
        if isinstance(previous_mask, (list, tuple)):
            previous_mask = previous_mask[0]
        output_mask = previous_mask if self.return_sequences else None
        return [output_mask] + [None] * len(self.state_size) if self.return_state else output_mask

    def compute_output_shape(self, sequences_shape):
        if isinstance(sequences_shape, list) and sequences_shape and isinstance(sequences_shape[0], (tuple, list)):
            sequences_shape = sequences_shape[0]
        batch, steps = sequences_shape[0], sequences_shape[1]
        output_size = getattr(self.cell, "output_size", None) or self.state_size[0]
        output_shape = ((batch, steps) if self.return_sequences else (batch,)) + rnn_state.dims_of(output_size)
        if not self.return_state:
            return output_shape
        if isinstance(self.cell, StackedRNNCells):
            return [output_shape] + [[(batch, s) for s in size] if isinstance(size, (list, tuple))
                                     else (batch, size) for size in self.state_size]
        return [output_shape] + [(batch,) + rnn_state.dims_of(size) for size in self.state_size]

    def _rnn_config(self):
        return {"return_sequences": self.return_sequences, "return_state": self.return_state,
                "go_backwards": self.go_backwards, "stateful": self.stateful, "unroll": self.unroll,
                "zero_output_for_mask": self.zero_output_for_mask,
                "activity_regularizer": regularizers.serialize(self.activity_regularizer)}

    def get_config(self):
        return {**super().get_config(), "cell": serialization.serialize(self.cell), **self._rnn_config()}

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["cell"] = deserialize_layer(config["cell"])
        return cls(**config)


def _as_list(states):
    return list(states) if isinstance(states, (list, tuple)) else [states]
