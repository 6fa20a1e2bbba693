"""AbstractRNNCell (tf.keras): a base for custom RNN cells. Subclasses define `call(inputs, states) ->
(output, new_states)` and the `state_size` and `output_size` properties; initial states are zeros of those
sizes."""
from kerax import ops
from kerax.layers.layer import Layer


class AbstractRNNCell(Layer):
    def call(self, inputs, states):
        raise NotImplementedError(f"{type(self).__name__} must define call(inputs, states) -> "
                                  "(output, new_states).")

    @property
    def state_size(self):
        raise NotImplementedError(f"{type(self).__name__} must define the `state_size` property.")

    @property
    def output_size(self):
        raise NotImplementedError(f"{type(self).__name__} must define the `output_size` property.")

    def get_initial_state(self, inputs=None, batch_size=None, dtype=None):
        batch_size = batch_size if inputs is None else ops.shape(inputs)[0]
        sizes = self.state_size if isinstance(self.state_size, (list, tuple)) else [self.state_size]
        return [ops.zeros((batch_size, size), dtype or self.compute_dtype) for size in sizes]
