"""Predicting on many different sample counts compiles a few programs, not one per count."""
import numpy as np

import kerax
from kerax import layers


class CountingTraces(kerax.Sequential):
    """predict_step runs in Python only while a program is traced: each call is a trace."""

    traces = 0

    def predict_step(self, data):
        CountingTraces.traces += 1
        return super().predict_step(data)


def _forward(model, x):
    for dense in model.layers:
        x = x @ dense.kernel.numpy() + dense.bias.numpy()
    return x


def test_predict_on_a_hundred_sample_counts_traces_a_bounded_set_of_batch_shapes():
    CountingTraces.traces = 0
    model = CountingTraces([kerax.Input((4,)), layers.Dense(8), layers.Dense(2)])
    x = np.random.default_rng(0).random((100, 4)).astype("float32")
    for n in range(1, 101):
        predicted = model.predict(x[:n], verbose=0)
        assert predicted.shape == (n, 2)
        np.testing.assert_allclose(predicted, _forward(model, x[:n]), rtol=1e-5, atol=1e-6)
    # Batches of 1, 2, 4, ..., 32 rows, and 1, 2 or 4 of them per device call: 8 programs here, each traced
    # twice (once to find what it writes); one per count would be 100.
    assert CountingTraces.traces <= 16
    for n in (3, 5, 17, 70):
        np.testing.assert_allclose(model.predict_on_batch(x[:n]), _forward(model, x[:n]), rtol=1e-5, atol=1e-6)
    assert CountingTraces.traces <= 24  # predict_on_batch: one batch of a power-of-two rows (4, 8, 32, 128)
