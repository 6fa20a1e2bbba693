"""StackedRNNCells / `RNN([cells])`, AbstractRNNCell, and SimpleRNNCell / GRUCell / LSTMCell used alone:
values against the NumPy recurrences of rnn_reference.py (with masks), state structures, models, configs,
`.keras` files, and one training run."""
import numpy as np
import pytest

import kerax
import rnn_reference as ref
from kerax import layers, ops

RNG = np.random.default_rng(17)
X = RNG.normal(size=(2, 5, 3)).astype("float32")
MASK = np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]], bool)
STEPS = {"SimpleRNNCell": ref.simple_rnn_step, "GRUCell": ref.gru_step, "LSTMCell": ref.lstm_step}


def np_stacked_step(cells):
    """A NumPy step over flat states for a stack of built-in cells, from their current weights."""
    plan = [(STEPS[type(c).__name__], [w.numpy() for w in c.weights], len(np.atleast_1d(c.state_size)))
            for c in cells]

    def step(x, states):
        new_states, start = [], 0
        for cell_step, weights, count in plan:
            x, cell_states = cell_step(x, states[start:start + count], weights)
            new_states.extend(cell_states)
            start += count
        return x, new_states

    return step


def np_run(step, x, states, output_size, mask=None):
    """Like rnn_reference.run, for an output size other than the first state's: masked steps keep the previous
    output and states. Returns (outputs, final states)."""
    output, outputs = np.zeros((x.shape[0], output_size)), []
    for t in range(x.shape[1]):
        new_output, new_states = step(x[:, t], states)
        keep = np.ones((x.shape[0], 1), bool) if mask is None else mask[:, t][:, None]
        output = np.where(keep, new_output, output)
        states = [np.where(keep, n, s) for n, s in zip(new_states, states)]
        outputs.append(output)
    return np.stack(outputs, axis=1), states


def np_stacked_rnn(layer, x, mask=None):
    states = [np.zeros((x.shape[0], s), "float32") for s in layer.cell.flat_state_size]
    outputs, _ = np_run(np_stacked_step(layer.cell.cells), x, states, layer.cell.output_size, mask)
    return (outputs if layer.return_sequences else outputs[:, -1]).astype("float32")


class MinimalCell(layers.AbstractRNNCell):
    """The custom cell of Keras's RNN documentation: h = x @ kernel + h_prev @ recurrent_kernel."""

    def __init__(self, units, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    @property
    def state_size(self):
        return self.units

    @property
    def output_size(self):
        return self.units

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(input_shape[-1], self.units))
        self.recurrent_kernel = self.add_weight(name="recurrent_kernel", shape=(self.units, self.units))

    def call(self, inputs, states):
        output = ops.add(ops.matmul(inputs, self.kernel), ops.matmul(states[0], self.recurrent_kernel))
        return output, [output]

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def np_minimal_rnn(layer, x):
    kernel, recurrent = layer.get_weights()
    h = np.zeros((x.shape[0], kernel.shape[1]), "float32")
    for t in range(x.shape[1]):
        h = x[:, t] @ kernel + h @ recurrent
    return h


CASES = {
    "stacked_sequences": dict(
        make=lambda: layers.RNN([layers.SimpleRNNCell(4), layers.LSTMCell(3)],
                                return_sequences=True), inputs=X, reference=np_stacked_rnn, atol=1e-4),
    "stacked_last": dict(
        make=lambda: layers.RNN(layers.StackedRNNCells([layers.GRUCell(3), layers.LSTMCell(2)])),
        inputs=X, reference=np_stacked_rnn, atol=1e-4),
}


@pytest.mark.parametrize("name", CASES)
def test_layer(name, layer_checks):
    layer_checks.all(**CASES[name])


def test_abstract_rnn_cell_subclass():
    rnn = layers.RNN(MinimalCell(3))
    out = rnn(X)
    np.testing.assert_allclose(out, np_minimal_rnn(rnn, X), rtol=1e-5, atol=1e-5)
    with pytest.raises(NotImplementedError, match=r"must define the `state_size` property"):
        layers.AbstractRNNCell().state_size


def test_stacked_masks_and_states():
    rnn = layers.RNN([layers.LSTMCell(3), layers.GRUCell(2)], return_sequences=True, return_state=True)
    output, lstm_states, gru_state = rnn(X, mask=MASK)
    np.testing.assert_allclose(output, np_stacked_rnn(rnn, X, MASK), atol=1e-4)
    states = [np.zeros((2, 3), "float32")] * 2 + [np.zeros((2, 2), "float32")]
    _, final = np_run(np_stacked_step(rnn.cell.cells), X, states, 2, mask=MASK)
    np.testing.assert_allclose(lstm_states[0], final[0], atol=1e-4)
    np.testing.assert_allclose(lstm_states[1], final[1], atol=1e-4)
    np.testing.assert_allclose(gru_state, final[2], atol=1e-4)
    symbolic = rnn(kerax.Input((5, 3)))
    assert [t.shape for t in symbolic[1]] == [(None, 3), (None, 3)] and symbolic[2].shape == (None, 2)
    again, *_ = rnn(X, initial_state=[list(lstm_states), gru_state])  # nested initial states, as returned
    assert again.shape == (2, 5, 2)


def test_stacked_cells_alone_and_weights():
    stack = layers.StackedRNNCells([layers.SimpleRNNCell(4), layers.LSTMCell(3)])
    assert stack.state_size == [4, [3, 3]] and stack.output_size == 3
    states = stack.get_initial_state(batch_size=2)
    output, new_states = stack(X[:, 0], states)
    expected, flat = np_stacked_step(stack.cells)(X[:, 0], [np.zeros((2, n), "float32") for n in (4, 3, 3)])
    np.testing.assert_allclose(output, expected, atol=1e-5)
    np.testing.assert_allclose(new_states[1][1], flat[2], atol=1e-5)
    assert [w.name for w in stack.weights] == ["kernel", "recurrent_kernel", "bias"] * 2
    with pytest.raises(ValueError, match=r"every cell must have a `call` method and a `state_size`"):
        layers.StackedRNNCells([layers.Dense(2)])


@pytest.mark.parametrize("make", [lambda: layers.SimpleRNNCell(3), lambda: layers.GRUCell(3),
                                  lambda: layers.LSTMCell(3)], ids=["simple", "gru", "lstm"])
def test_cell_alone_in_a_functional_model(make, tmp_path):
    cell = make()
    count = len(np.atleast_1d(cell.state_size))
    inputs = kerax.Input((3,))
    states = [kerax.Input((3,)) for _ in range(count)]
    output, new_states = cell(inputs, states)
    model = kerax.Model([inputs, *states], [output, *new_states])
    ref.random_weights(cell, RNG)
    values = [X[:, 0]] + [RNG.normal(size=(2, 3)).astype("float32") for _ in range(count)]
    expected_output, expected_states = STEPS[type(cell).__name__](values[0], values[1:], cell.get_weights())
    results = model(values)
    np.testing.assert_allclose(results[0], expected_output, atol=1e-5)
    for got, expected in zip(results[1:], expected_states):
        np.testing.assert_allclose(got, expected, atol=1e-5)
    model.save(str(tmp_path / "cell.keras"))
    loaded = kerax.models.load_model(str(tmp_path / "cell.keras"))
    for got, expected in zip(loaded(values), results):
        np.testing.assert_allclose(got, expected, atol=1e-6)


def test_fit_under_compilation(rng):
    model = kerax.Sequential([
        kerax.Input((5, 3)), layers.Masking(),
        layers.RNN([layers.GRUCell(4, dropout=0.2), layers.LSTMCell(3)]),  # masks once per sequence
        layers.Dense(1),
    ])
    model.compile(optimizer="sgd", loss="mse")
    x = rng.normal(size=(4, 5, 3))
    x[:2, 3:] = 0.0
    before = model.get_weights()
    history = model.fit(x, rng.normal(size=(4, 1)), batch_size=2, verbose=0)
    assert np.isfinite(history.history["loss"][0])
    assert all(not np.allclose(a, b) for a, b in zip(before, model.get_weights()))
