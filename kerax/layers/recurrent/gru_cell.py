"""GRUCell. Gates in Keras order z (update), r (reset), h (candidate) along the kernels' columns:

    z = recurrent_activation(x W_z + h_prev U_z + b_z),  r = recurrent_activation(x W_r + h_prev U_r + b_r)
    reset_after=True (default):  hh = activation(x W_h + b_h + r * (h_prev U_h + rb_h))   bias (2, 3u): input, recurrent
    reset_after=False:           hh = activation(x W_h + b_h + (r * h_prev) U_h)          bias (3u,)
    h = z * h_prev + (1 - z) * hh
"""
from kerax import activations, ops
from kerax.layers.recurrent.recurrent_cell import RecurrentCell, recurrent_input


class GRUCell(RecurrentCell):
    gates = 3

    def __init__(self, units, activation="tanh", recurrent_activation="sigmoid", reset_after=True, **kwargs):
        super().__init__(units, activation=activation, **kwargs)
        self.recurrent_activation = activations.get(recurrent_activation)
        self.reset_after = bool(reset_after)

    def _bias_shape(self):
        return (2, 3 * self.units) if self.reset_after else (3 * self.units,)

    def _input_bias(self):
        if self.bias is None or not self.reset_after:
            return self.bias
        return self.bias[0]

    def recurrent_step(self, projected, states, recurrent_mask=None):
        u = self.units
        h_prev = states[0]
        h_in = recurrent_input(states, recurrent_mask)
        if self.reset_after:
            inner = ops.matmul(h_in, self.recurrent_kernel)
            if self.bias is not None:
                inner = ops.add(inner, self.bias[1])
            z = self.recurrent_activation(projected[:, :u] + inner[:, :u])
            r = self.recurrent_activation(projected[:, u:2 * u] + inner[:, u:2 * u])
            candidate = self.activation(projected[:, 2 * u:] + r * inner[:, 2 * u:])
        else:
            inner = ops.matmul(h_in, self.recurrent_kernel[:, :2 * u])
            z = self.recurrent_activation(projected[:, :u] + inner[:, :u])
            r = self.recurrent_activation(projected[:, u:2 * u] + inner[:, u:])
            candidate = self.activation(projected[:, 2 * u:] + ops.matmul(r * h_in, self.recurrent_kernel[:, 2 * u:]))
        h = z * h_prev + (1.0 - z) * candidate
        return h, [h]

    def get_config(self):
        return {
            **super().get_config(),
            "recurrent_activation": activations.serialize(self.recurrent_activation),
            "reset_after": self.reset_after,
        }
