import numpy as np
import pytest

from kerax.layers.recurrent import GRU, LSTM, Bidirectional, SimpleRNN

import rnn_reference as ref

MERGES = {
    "concat": lambda a, b: np.concatenate([a, b], axis=-1),
    "sum": lambda a, b: a + b,
    "mul": lambda a, b: a * b,
    "ave": lambda a, b: (a + b) / 2,
}


def _directions(layer, x, rng, step):
    layer.build(x.shape)
    forward = ref.random_weights(layer.forward_layer, rng)
    backward = ref.random_weights(layer.backward_layer, rng)
    zeros = [np.zeros((x.shape[0], 3), "float32")]
    return (ref.run(lambda xt, s: step(xt, s, forward), x, zeros),
            ref.run(lambda xt, s: step(xt, s, backward), x, zeros, go_backwards=True))


@pytest.mark.parametrize("merge_mode", list(MERGES))
def test_merge_modes_match_numpy(merge_mode, rng):
    layer = Bidirectional(SimpleRNN(3, return_sequences=True), merge_mode=merge_mode)
    x = rng.normal(size=(2, 4, 2)).astype("float32")
    (fw, _, _), (bw, _, _) = _directions(layer, x, rng, ref.simple_rnn_step)
    expected = MERGES[merge_mode](fw, bw[:, ::-1])  # backward outputs back in forward time order
    np.testing.assert_allclose(np.asarray(layer(x)), expected, rtol=1e-5, atol=1e-5)


def test_no_merge_and_states(rng):
    layer = Bidirectional(GRU(3, return_state=True), merge_mode=None)
    x = rng.normal(size=(2, 4, 2)).astype("float32")
    (_, fw_last, fw_states), (_, bw_last, bw_states) = _directions(layer, x, rng, ref.gru_step)
    forward, backward, forward_h, backward_h = layer(x)
    for got, want in [(forward, fw_last), (backward, bw_last), (forward_h, fw_states[0]),
                      (backward_h, bw_states[0])]:
        np.testing.assert_allclose(np.asarray(got), want, rtol=1e-5, atol=1e-5)


def test_structure_and_names():
    layer = Bidirectional(LSTM(4, return_sequences=True, name="lstm"))
    layer.build((None, 5, 3))
    assert layer.forward_layer.name == "forward_lstm" and not layer.forward_layer.go_backwards
    assert layer.backward_layer.name == "backward_lstm" and layer.backward_layer.go_backwards
    assert len(layer.weights) == 6 and layer.count_params() == 2 * (3 * 16 + 4 * 16 + 16)
    assert layer(np.zeros((2, 5, 3), "float32")).shape == (2, 5, 8)


def test_custom_backward_layer_and_errors():
    layer = Bidirectional(GRU(2), backward_layer=SimpleRNN(2, go_backwards=True), merge_mode="sum")
    assert isinstance(layer.backward_layer, SimpleRNN)
    with pytest.raises(ValueError, match="go_backwards` must differ"):
        Bidirectional(GRU(2), backward_layer=GRU(2))
    with pytest.raises(ValueError, match="return_sequences` must equal"):
        Bidirectional(GRU(2), backward_layer=GRU(2, go_backwards=True, return_sequences=True))
    with pytest.raises(ValueError, match="invalid merge_mode 'max'"):
        Bidirectional(GRU(2), merge_mode="max")
