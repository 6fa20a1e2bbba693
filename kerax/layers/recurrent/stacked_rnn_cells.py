"""StackedRNNCells: several RNN cells run as one cell, each step's output feeding the next cell.
`RNN([cells])` wraps the list in one. States are one entry per cell (a list for cells with several states,
such as LSTMCell's [h, c]; a tensor for one-state cells); inside RNN's loop they travel flat."""
from kerax import ops
from kerax.layers.layer import Layer
from kerax.layers.nested import deserialize_layer
from kerax.layers.recurrent.recurrent_cell import RecurrentCell
from kerax.serialization import registry as serialization


class StackedRNNCells(Layer):
    def __init__(self, cells, **kwargs):
        super().__init__(**kwargs)
        for cell in cells:
            for needed in ("call", "state_size"):
                if not hasattr(cell, needed):
                    raise ValueError("StackedRNNCells: every cell must have a `call` method and a "
                                     f"`state_size` attribute; received {cell!r} without `{needed}`.")
        self.cells = list(cells)

    @property
    def state_size(self):
        return [cell.state_size for cell in self.cells]

    @property
    def flat_state_size(self):
        return [size for cell in self.cells for size in _as_list(cell.state_size)]

    @property
    def output_size(self):
        return _output_size(self.cells[-1])

    def build(self, input_shape):
        for cell in self.cells:
            if isinstance(cell, Layer) and not cell.built:
                cell.build(input_shape)
                cell.built = True
            input_shape = (input_shape[0], _output_size(cell))
        self.built = True

    def get_initial_state(self, batch_size=None):
        states = []
        for cell in self.cells:
            make = getattr(cell, "get_initial_state", None)
            initial = _as_list(make(batch_size=batch_size)) if make is not None else [
                ops.zeros((batch_size, size), self.compute_dtype) for size in _as_list(cell.state_size)]
            states.append(initial if isinstance(cell.state_size, (list, tuple)) else initial[0])
        return states

    def call(self, inputs, states, training=False):
        new_states = []
        for cell, cell_states in zip(self.cells, states):
            kwargs = {"training": training} if getattr(cell, "_call_accepts_training", False) else {}
            inputs, cell_states = cell(inputs, _as_list(cell_states), **kwargs)
            cell_states = _as_list(cell_states)
            new_states.append(cell_states if isinstance(cell.state_size, (list, tuple)) else cell_states[0])
        return inputs, new_states

    def nest(self, flat_states):
        """Flat states (RNN's loop) -> one entry per cell."""
        nested, start = [], 0
        for cell in self.cells:
            count = len(_as_list(cell.state_size))
            part = list(flat_states[start:start + count])
            nested.append(part if isinstance(cell.state_size, (list, tuple)) else part[0])
            start += count
        return nested

    def rnn_step(self, time_major, batch_size, training):
        """(loop body over flat states, its inputs) for RNN, with each built-in cell's dropout masks drawn
        once per sequence (as Keras does), outside the loop."""
        steps, input_dim = [], time_major.shape[-1]
        for cell in self.cells:
            steps.append(_cell_step(cell, batch_size, input_dim, training))
            input_dim = _output_size(cell)

        def step(inputs, flat_states):
            new_states = []
            for cell_step, cell_states in zip(steps, self.nest(flat_states)):
                inputs, cell_states = cell_step(inputs, _as_list(cell_states))
                new_states.extend(_as_list(cell_states))
            return inputs, new_states

        return step, time_major

    def get_config(self):
        return {**super().get_config(), "cells": [serialization.serialize(cell) for cell in self.cells]}

    @classmethod
    def from_config(cls, config, custom_objects=None):
        config = dict(config)
        cells = [deserialize_layer(cell, custom_objects) for cell in config.pop("cells")]
        return cls(cells, **config)


def _cell_step(cell, batch_size, input_dim, training):
    if isinstance(cell, RecurrentCell):
        input_mask, recurrent_mask = cell.dropout_masks(batch_size, input_dim, training)

        def recurrent_step(inputs, states):
            inputs = inputs if input_mask is None else ops.multiply(inputs, input_mask)
            return cell.recurrent_step(cell.project_inputs(inputs), states, recurrent_mask)

        return recurrent_step
    kwargs = {"training": training} if getattr(cell, "_call_accepts_training", False) else {}
    return lambda inputs, states: cell(inputs, states, **kwargs)


def _output_size(cell):
    size = getattr(cell, "output_size", None)
    return size if size is not None else _as_list(cell.state_size)[0]


def _as_list(value):
    return list(value) if isinstance(value, (list, tuple)) else [value]
