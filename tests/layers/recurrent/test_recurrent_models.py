import numpy as np
import pytest

import kerax
from kerax.layers import Dense
from kerax.layers.core import Embedding
from kerax.layers.recurrent import (
    GRU, LSTM, RNN, Bidirectional, GRUCell, LSTMCell, SimpleRNN, SimpleRNNCell, TimeDistributed,
)

CONFIG_CASES = [
    lambda: SimpleRNN(3, activation="relu", return_sequences=True, dropout=0.1, seed=2),
    lambda: GRU(4, reset_after=False, recurrent_activation="hard_sigmoid", go_backwards=True,
                kernel_regularizer=kerax.regularizers.l2(0.01)),
    lambda: LSTM(2, unit_forget_bias=False, return_state=True, stateful=True, batch_input_shape=(4, 3, 2)),
    lambda: RNN(GRUCell(3), return_sequences=True, unroll=True),
    lambda: RNN(LSTMCell(2)),
    lambda: SimpleRNNCell(3, recurrent_dropout=0.2),
    lambda: Bidirectional(LSTM(3, return_sequences=True), merge_mode="ave"),
    lambda: Bidirectional(GRU(2), backward_layer=SimpleRNN(2, go_backwards=True), merge_mode=None),
    lambda: TimeDistributed(Dense(5, activation="tanh")),
]


@pytest.mark.parametrize("make", CONFIG_CASES, ids=lambda f: "")
def test_config_round_trip(make):
    layer = make()
    config = layer.get_config()
    again = type(layer).from_config(config)
    assert again.get_config() == config


def test_flat_keras_style_config():
    config = GRU(4, name="g").get_config()
    assert config["units"] == 4 and config["reset_after"] is True and config["name"] == "g"
    assert config["recurrent_activation"] == "sigmoid" and config["recurrent_initializer"]["class_name"] == "Orthogonal"
    assert "cell" not in config and config["return_sequences"] is False


def test_shapes_in_functional_model():
    inputs = kerax.Input((None, 3))
    sequences, state_h, state_c = LSTM(4, return_sequences=True, return_state=True)(inputs)
    merged = Bidirectional(GRU(2))(sequences, initial_state=[state_h[:, :2], state_c[:, :2]])
    assert tuple(sequences.shape) == (None, None, 4) and tuple(state_c.shape) == (None, 4)
    assert tuple(merged.shape) == (None, 4)
    model = kerax.Model(inputs, merged)
    assert model(np.zeros((2, 5, 3), "float32")).shape == (2, 4)


class Encoder(kerax.Model):
    def __init__(self):
        super().__init__()
        self.embedding = Embedding(30, 4)
        self.gru = GRU(3)
        self.out = Dense(1)

    def call(self, inputs):
        return self.out(self.gru(self.embedding(inputs)))


def test_one_fit_trains_every_recurrent_layer(rng):
    model = kerax.Sequential([
        kerax.Input((6,), dtype="int32"),
        Embedding(30, 4, mask_zero=True),
        SimpleRNN(4, return_sequences=True, dropout=0.2),
        Bidirectional(GRU(3, return_sequences=True, recurrent_dropout=0.2)),
        TimeDistributed(Dense(4)),
        LSTM(3),
        Dense(1),
    ])
    x = rng.integers(0, 30, (16, 6))
    y = rng.normal(size=(16, 1)).astype("float32")
    model.compile("adam", "mse")
    before = [w.numpy() for w in model.trainable_weights]
    history = model.fit(x, y, epochs=1, batch_size=8, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert all(not np.allclose(b, w.numpy()) for b, w in zip(before, model.trainable_weights))


def test_subclassed_model_fit(rng):
    model = Encoder()
    model.compile("sgd", "mse")
    model.fit(rng.integers(0, 30, (8, 5)), np.zeros((8, 1), "float32"), epochs=1, verbose=0)
    assert [w.path for w in model.gru.weights][0] == "gru/gru_cell/kernel"
