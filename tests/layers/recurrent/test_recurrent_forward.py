import functools

import numpy as np
import pytest

import kerax
from kerax.layers.recurrent import GRU, LSTM, RNN, GRUCell, SimpleRNN

import rnn_reference as ref

CASES = {
    "simple_rnn": (SimpleRNN, {}, ref.simple_rnn_step, 1),
    "gru": (GRU, {}, ref.gru_step, 1),
    "gru_reset_before": (GRU, {"reset_after": False}, functools.partial(ref.gru_step, reset_after=False), 1),
    "lstm": (LSTM, {}, ref.lstm_step, 2),
}


@pytest.mark.parametrize("case", CASES)
def test_sequences_and_states_match_numpy(case, rng):
    cls, kwargs, step, num_states = CASES[case]
    layer = cls(3, return_sequences=True, return_state=True, **kwargs)
    x = rng.normal(size=(2, 5, 4)).astype("float32")
    layer.build(x.shape)
    weights = ref.random_weights(layer, rng)
    outputs, *states = layer(x)
    zeros = [np.zeros((2, 3), "float32")] * num_states
    expected, _, expected_states = ref.run(lambda xt, s: step(xt, s, weights), x, zeros)
    assert outputs.shape == (2, 5, 3) and outputs.dtype == "float32" and len(states) == num_states
    np.testing.assert_allclose(np.asarray(outputs), expected, rtol=1e-5, atol=1e-5)
    for got, want in zip(states, expected_states):
        np.testing.assert_allclose(np.asarray(got), want, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("case", ["gru", "lstm"])
def test_go_backwards_and_initial_state(case, rng):
    cls, kwargs, step, num_states = CASES[case]
    layer = cls(3, return_sequences=True, go_backwards=True, **kwargs)
    x = rng.normal(size=(2, 4, 3)).astype("float32")
    layer.build(x.shape)
    weights = ref.random_weights(layer, rng)
    initial = [rng.normal(size=(2, 3)).astype("float32") for _ in range(num_states)]
    got = np.asarray(layer(x, initial_state=initial))
    expected, _, _ = ref.run(lambda xt, s: step(xt, s, weights), x, initial, go_backwards=True)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)  # outputs in processing (reversed) order


def test_last_output_only_by_default(rng):
    layer = SimpleRNN(2)
    x = rng.normal(size=(3, 4, 2)).astype("float32")
    layer.build(x.shape)
    weights = ref.random_weights(layer, rng)
    _, last, _ = ref.run(lambda xt, s: ref.simple_rnn_step(xt, s, weights), x, [np.zeros((3, 2), "float32")])
    np.testing.assert_allclose(np.asarray(layer(x)), last, rtol=1e-5, atol=1e-5)


def test_weight_names_shapes_and_initial_biases():
    gru, gru_v1, lstm = GRU(5), GRU(5, reset_after=False), LSTM(5)
    for layer in (gru, gru_v1, lstm):
        layer.build((None, 7, 3))
    assert [w.path for w in gru.weights] == ["gru/gru_cell/kernel", "gru/gru_cell/recurrent_kernel",
                                             "gru/gru_cell/bias"]
    assert [w.shape for w in gru.weights] == [(3, 15), (5, 15), (2, 15)]
    assert [w.shape for w in gru_v1.weights] == [(3, 15), (5, 15), (15,)]
    assert [w.shape for w in lstm.weights] == [(3, 20), (5, 20), (20,)]
    expected_bias = np.concatenate([np.zeros(5), np.ones(5), np.zeros(10)])  # unit_forget_bias: f gate at 1
    np.testing.assert_allclose(lstm.cell.bias.numpy(), expected_bias)
    recurrent = gru.cell.recurrent_kernel.numpy()
    np.testing.assert_allclose(recurrent @ recurrent.T, np.eye(5), atol=1e-5)  # orthogonal by default


def test_rnn_with_gru_cell_equals_gru(rng):
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    layer, wrapped = GRU(3), RNN(GRUCell(3))
    layer.build(x.shape)
    wrapped.build(x.shape)
    wrapped.set_weights(ref.random_weights(layer, rng))
    np.testing.assert_allclose(np.asarray(wrapped(x)), np.asarray(layer(x)), rtol=1e-6)


class MinimalRNNCell(kerax.layers.Layer):
    """The custom cell of the Keras RNN documentation."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.state_size = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
        self.recurrent_kernel = self.add_weight(shape=(self.units, self.units), name="recurrent_kernel")

    def call(self, inputs, states):
        output = kerax.ops.matmul(inputs, self.kernel) + kerax.ops.matmul(states[0], self.recurrent_kernel)
        return output, [output]


def test_custom_cell(rng):
    layer = RNN(MinimalRNNCell(2), return_sequences=True)
    x = rng.normal(size=(2, 3, 4)).astype("float32")
    got = np.asarray(layer(x))
    kernel, recurrent_kernel = layer.get_weights()
    h, expected = np.zeros((2, 2)), []
    for t in range(3):
        h = x[:, t] @ kernel + h @ recurrent_kernel
        expected.append(h)
    np.testing.assert_allclose(got, np.stack(expected, 1), rtol=1e-5, atol=1e-6)


def test_unroll_gives_the_same_result(rng):
    x = rng.normal(size=(2, 4, 3)).astype("float32")
    rolled, unrolled = LSTM(2, return_sequences=True), LSTM(2, return_sequences=True, unroll=True)
    rolled.build(x.shape)
    unrolled.build(x.shape)
    unrolled.set_weights(ref.random_weights(rolled, rng))
    np.testing.assert_allclose(np.asarray(unrolled(x)), np.asarray(rolled(x)), rtol=1e-5, atol=1e-6)


def test_dropout_only_in_training_with_masks_constant_over_time():
    # Zero recurrent kernel, no bias, linear activation: output_t = (x_t * input_mask) @ kernel.
    layer = SimpleRNN(6, activation=None, use_bias=False, recurrent_initializer="zeros", dropout=0.5, seed=3)
    x = np.ones((4, 5, 8), "float32")
    inference = np.asarray(layer(x))
    kernel = layer.get_weights()[0]
    np.testing.assert_allclose(inference, np.ones((4, 8)) @ kernel, rtol=1e-5)
    sequences_layer = SimpleRNN(6, activation=None, use_bias=False, recurrent_initializer="zeros", dropout=0.5,
                                seed=3, return_sequences=True)
    trained = np.asarray(sequences_layer(x, training=True))
    assert not np.allclose(trained[:, 0], np.ones((4, 8)) @ sequences_layer.get_weights()[0])
    np.testing.assert_allclose(trained, np.repeat(trained[:, :1], 5, axis=1), rtol=1e-6)
    again = np.asarray(sequences_layer(x, training=True))
    assert not np.allclose(again, trained)  # a new mask for every call


def test_invalid_arguments_name_the_layer():
    with pytest.raises(ValueError, match=r"GRUCell: `units` must be a positive integer, received units=0"):
        GRU(0)
    with pytest.raises(ValueError, match=r"`dropout` must be in \[0, 1\], received dropout=1.5"):
        LSTM(3, dropout=1.5)
    with pytest.raises(TypeError, match="missing required argument: 'units'"):
        GRU()
    with pytest.raises(ValueError, match="min_ndim=3"):
        GRU(2)(np.zeros((2, 3), "float32"))


def test_legacy_and_positional_arguments():
    layer = LSTM(output_dim=4, inner_activation="hard_sigmoid", dropout_W=0.1, U_regularizer="l2",
                 consume_less="gpu", implementation=2)
    assert layer.units == 4 and layer.dropout == 0.1 and layer.recurrent_regularizer is not None
    assert layer.recurrent_activation is kerax.activations.hard_sigmoid
    gru = GRU(8, "relu", "hard_sigmoid", False)
    assert gru.activation is kerax.activations.relu and gru.use_bias is False
