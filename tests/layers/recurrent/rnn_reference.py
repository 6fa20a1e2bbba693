"""NumPy reference recurrences, written from the equations Keras documents (gate orders included)."""
import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def simple_rnn_step(x, states, weights):
    kernel, recurrent_kernel, bias = weights
    h = np.tanh(x @ kernel + bias + states[0] @ recurrent_kernel)
    return h, [h]


def gru_step(x, states, weights, reset_after=True):
    kernel, recurrent_kernel, bias = weights
    h_prev = states[0]
    u = recurrent_kernel.shape[0]
    input_bias = bias[0] if reset_after else bias
    x_z, x_r, x_h = np.split(x @ kernel + input_bias, 3, axis=-1)  # Keras order z, r, h
    if reset_after:
        r_z, r_r, r_h = np.split(h_prev @ recurrent_kernel + bias[1], 3, axis=-1)
        z, r = sigmoid(x_z + r_z), sigmoid(x_r + r_r)
        candidate = np.tanh(x_h + r * r_h)
    else:
        z = sigmoid(x_z + h_prev @ recurrent_kernel[:, :u])
        r = sigmoid(x_r + h_prev @ recurrent_kernel[:, u:2 * u])
        candidate = np.tanh(x_h + (r * h_prev) @ recurrent_kernel[:, 2 * u:])
    h = z * h_prev + (1 - z) * candidate
    return h, [h]


def lstm_step(x, states, weights):
    kernel, recurrent_kernel, bias = weights
    h_prev, c_prev = states
    z_i, z_f, z_c, z_o = np.split(x @ kernel + h_prev @ recurrent_kernel + bias, 4, axis=-1)  # i, f, c, o
    c = sigmoid(z_f) * c_prev + sigmoid(z_i) * np.tanh(z_c)
    h = sigmoid(z_o) * np.tanh(c)
    return h, [h, c]


def run(step, x, states, go_backwards=False, mask=None):
    """Loops `step` over axis 1 of x; masked steps keep the previous output and states.
    Returns (outputs [batch, time, units] in processing order, last output, final states)."""
    steps = range(x.shape[1] - 1, -1, -1) if go_backwards else range(x.shape[1])
    output = np.zeros_like(states[0])
    outputs = []
    for t in steps:
        new_output, new_states = step(x[:, t], states)
        if mask is not None:
            keep = mask[:, t][:, None]
            new_output = np.where(keep, new_output, output)
            new_states = [np.where(keep, n, s) for n, s in zip(new_states, states)]
        output, states = new_output, new_states
        outputs.append(output)
    return np.stack(outputs, axis=1), output, states


def random_weights(layer, rng):
    """Sets every weight of a built layer to random values (biases included) and returns them."""
    weights = [rng.normal(scale=0.5, size=w.shape).astype("float32") for w in layer.get_weights()]
    layer.set_weights(weights)
    return weights
