"""LSTMCell. Gates in Keras order i (input), f (forget), c (candidate), o (output) along the kernels' columns:

    z = x @ kernel + h_prev @ recurrent_kernel + bias
    c = f * c_prev + i * activation(z_c),  h = o * activation(c),  i, f, o = recurrent_activation(z_i, z_f, z_o)
States [h, c]. unit_forget_bias=True starts the forget gate's bias at 1.
"""
from kerax import activations, ops
from kerax.layers.recurrent.recurrent_cell import RecurrentCell, recurrent_input


class LSTMCell(RecurrentCell):
    gates = 4

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", unit_forget_bias=True, **kwargs):
        super().__init__(units, activation=activation, **kwargs)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.unit_forget_bias = bool(unit_forget_bias)

    @property
    def state_size(self):
        return [self.units, self.units]

    def _full_bias_initializer(self):
        return forget_bias_initializer(self.bias_initializer, self.units) if self.unit_forget_bias \
            else self.bias_initializer

    def recurrent_step(self, projected, states, recurrent_mask=None):
        z = projected + ops.matmul(recurrent_input(states, recurrent_mask), self.recurrent_kernel)
        z_i, z_f, z_c, z_o = ops.split(z, 4, axis=-1)  # split, not slices: see GRUCell.recurrent_step
        c = self.recurrent_activation(z_f) * states[1] + self.recurrent_activation(z_i) * self.activation(z_c)
        h = self.recurrent_activation(z_o) * self.activation(c)
        return h, [h, c]

    def get_config(self):
        return {
            **super().get_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "unit_forget_bias": self.unit_forget_bias,
        }


def forget_bias_initializer(base, units):
    """The gates' bias initializer with the forget gate's block (the 2nd of i, f, c, o) starting at 1."""
    def initializer(shape, dtype=None):
        return ops.concatenate([base((units,), dtype=dtype), ops.ones((units,), dtype=dtype),
                                base((2 * units,), dtype=dtype)])

    return initializer
