import numpy as np
import pytest

import kerax
from kerax.layers import Dense
from kerax.layers.recurrent import GRU, LSTM


def test_states_carry_over_between_calls_until_reset(rng):
    x = rng.normal(size=(2, 6, 3)).astype("float32")
    whole = LSTM(4)
    stateful = LSTM(4, stateful=True, batch_input_shape=(2, None, 3))
    stateful.build((2, None, 3))
    whole.build(x.shape)
    whole.set_weights(stateful.cell.get_weights())
    # As in Keras 3, the layer's own (non-trainable) state Variables come before its cell's weights.
    assert [w.trainable for w in stateful.weights] == [False, False, True, True, True]
    stateful(x[:, :4])
    np.testing.assert_allclose(np.asarray(stateful(x[:, 4:])), np.asarray(whole(x)), rtol=1e-5, atol=1e-6)
    stateful.reset_states()
    np.testing.assert_allclose(stateful.states[0].numpy(), 0.0)
    np.testing.assert_allclose(np.asarray(stateful(x[:, :4])), np.asarray(whole(x[:, :4])), rtol=1e-5, atol=1e-6)


def test_stateful_model_predict_continues_sequences(rng):
    model = kerax.Sequential([GRU(3, stateful=True, batch_input_shape=(2, 2, 1)), Dense(1)])
    x = rng.normal(size=(2, 4, 1)).astype("float32")
    gru = model.layers[0]
    stateless = GRU(3)
    stateless.build(x.shape)
    stateless.set_weights(gru.cell.get_weights())
    model.predict(x[:, :2], batch_size=2, verbose=0)
    np.testing.assert_allclose(gru.states[0].numpy(), np.asarray(stateless(x[:, :2])), rtol=1e-5, atol=1e-6)
    model.predict(x[:, 2:], batch_size=2, verbose=0)
    np.testing.assert_allclose(gru.states[0].numpy(), np.asarray(stateless(x)), rtol=1e-5, atol=1e-6)
    gru.reset_states()
    np.testing.assert_allclose(gru.states[0].numpy(), 0.0)


def test_stateful_needs_a_fixed_batch_size():
    with pytest.raises(ValueError, match=r'"gru" has stateful=True, which needs a fixed batch size.*batch_size='):
        GRU(2, stateful=True).build((None, 3, 1))
    layer = GRU(2, stateful=True, batch_size=4, input_shape=(3, 1))
    layer.build((None, 3, 1))
    with pytest.raises(ValueError, match="built for batches of 4 samples and received a batch of 2"):
        layer(np.zeros((2, 3, 1), "float32"))


def test_reset_states_with_values_and_errors():
    layer = GRU(2, stateful=True, batch_input_shape=(1, 3, 1))
    layer.build((1, 3, 1))
    layer.reset_states([np.ones((1, 2), "float32")])
    np.testing.assert_allclose(layer.states[0].numpy(), 1.0)
    with pytest.raises(AttributeError, match="is not stateful"):
        GRU(2).reset_states()
