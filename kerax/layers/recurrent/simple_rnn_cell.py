"""SimpleRNNCell: `h = activation(x @ kernel + bias + h_prev @ recurrent_kernel)`."""
from kerax import ops
from kerax.layers.recurrent.recurrent_cell import RecurrentCell, recurrent_input


class SimpleRNNCell(RecurrentCell):
    def recurrent_step(self, projected, states, recurrent_mask=None):
        h = self.activation(ops.add(projected, ops.matmul(recurrent_input(states, recurrent_mask),
                                                          self.recurrent_kernel)))
        return h, [h]
