"""K.rnn against a NumPy loop (masks, go_backwards, constants, unroll), and K's control flow."""
import numpy as np
import pytest

import kerax
from kerax import backend as K

W = np.array([[0.5, -0.2], [0.1, 0.3], [-0.4, 0.2]], "float32")  # input (3) -> units (2)
U = np.array([[0.9, 0.1], [-0.3, 0.8]], "float32")


def _step(x_t, states):
    """A tanh cell whose output is its state; `states` is (h,) or (h, bias) with a constant."""
    bias = states[1] if len(states) > 1 else 0.0
    h = K.tanh(K.dot(x_t, W) + K.dot(states[0], U) + bias)
    return h, [h]


def _numpy_rnn(x, mask, go_backwards, bias, zero_output_for_mask):
    batch, steps = x.shape[:2]
    h = np.zeros((batch, 2), "float32")
    outputs, last = [], np.zeros((batch, 2), "float32")
    order = range(steps - 1, -1, -1) if go_backwards else range(steps)
    for t in order:
        new_h = np.tanh(x[:, t] @ W + h @ U + bias)
        keep = mask[:, t:t + 1] if mask is not None else np.ones((batch, 1), bool)
        output = np.where(keep, new_h, 0.0 if zero_output_for_mask else last)
        h = np.where(keep, new_h, h)
        last = np.where(keep, new_h, last)
        outputs.append(output)
    last_output = outputs[-1] if zero_output_for_mask else last
    return last_output, np.stack(outputs, 1), h


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("go_backwards", [False, True])
@pytest.mark.parametrize("zero_output_for_mask", [False, True])
def test_rnn_matches_a_numpy_loop(rng, masked, go_backwards, zero_output_for_mask):
    x = rng.standard_normal((2, 4, 3)).astype("float32")
    mask = np.array([[1, 1, 1, 0], [1, 0, 1, 1]], bool) if masked else None
    bias = np.array([0.1, -0.1], "float32")
    last, outputs, states = K.rnn(_step, x, [np.zeros((2, 2), "float32")], go_backwards=go_backwards,
                                  mask=mask, constants=[bias], zero_output_for_mask=zero_output_for_mask)
    expected_last, expected_outputs, expected_h = _numpy_rnn(x, mask, go_backwards, bias,
                                                             zero_output_for_mask)
    np.testing.assert_allclose(outputs, expected_outputs, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(last, expected_last, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(states[0], expected_h, rtol=1e-5, atol=1e-6)


def test_rnn_time_major_unrolled_and_input_length(rng):
    x = rng.standard_normal((2, 3, 3)).astype("float32")
    initial = [np.zeros((2, 2), "float32")]
    _, outputs, _ = K.rnn(_step, x, initial)
    _, time_major, _ = K.rnn(_step, np.swapaxes(x, 0, 1), initial, time_major=True, unroll=True)
    np.testing.assert_allclose(np.swapaxes(time_major, 0, 1), outputs, rtol=1e-5, atol=1e-6)
    lengths = np.array([3, 1])
    _, by_length, _ = K.rnn(_step, x, initial, input_length=lengths)
    _, by_mask, _ = K.rnn(_step, x, initial, mask=np.arange(3)[None, :] < lengths[:, None])
    np.testing.assert_allclose(by_length, by_mask)


def test_switch():
    then, other = np.ones((2, 3), "float32"), np.zeros((2, 3), "float32")
    np.testing.assert_array_equal(K.switch(np.array([True, False]), then, other), [[1, 1, 1], [0, 0, 0]])
    assert float(K.switch(np.array(False), lambda: 1.0, lambda: 2.0)) == 2.0
    with pytest.raises(ValueError, match="Rank of `condition` should be less than or equal"):
        K.switch(np.ones((2, 3, 1), bool), then, other)


def test_map_and_folds():
    elems = np.array([1.0, 2.0, 3.0, 4.0], "float32")
    np.testing.assert_allclose(K.map_fn(lambda t: t * t, elems), elems ** 2)
    assert float(K.foldl(lambda acc, t: acc * 10 + t, elems)) == 1234.0
    assert float(K.foldr(lambda acc, t: acc * 10 + t, elems)) == 4321.0
    assert float(K.foldl(lambda acc, t: acc - t, elems, initializer=np.float32(100.0))) == 90.0


def test_print_tensor_prints_and_returns(capsys):
    out = K.print_tensor(np.array([1.0, 2.0], "float32"), message="value:")
    np.testing.assert_array_equal(out, [1.0, 2.0])
    assert "value: [1. 2.]" in capsys.readouterr().out
    with K.name_scope("block") as scope:  # Keras 3's name_scope, which tf.keras code enters the same way
        assert scope.name == "block"


def test_k_control_flow_inside_compiled_predict(rng):
    def gate(t):  # a traced scalar condition: K.switch becomes a compiled branch
        return K.switch(K.greater(K.mean(t), 0.0), lambda: K.l2_normalize(t, axis=-1), lambda: t * 0.0)

    model = kerax.Sequential([kerax.Input((3,)), kerax.layers.Lambda(gate)])
    positive = rng.random((4, 3)).astype("float32") + 0.1
    np.testing.assert_allclose(model.predict(positive, verbose=0),
                               positive / np.linalg.norm(positive, axis=-1, keepdims=True), rtol=1e-5)
    np.testing.assert_array_equal(model.predict(-positive, verbose=0), np.zeros((4, 3)))
