"""Serving a model from several threads, and predicting while another thread trains it."""
import threading

import numpy as np

import kerax
from kerax import layers


def _model():
    model = kerax.Sequential([kerax.Input((3,)), layers.Dense(4), layers.Dense(2)])
    model.compile("sgd", "mse")
    return model


def _forward(model, x):
    for dense in model.layers:
        x = x @ dense.kernel.numpy() + dense.bias.numpy()
    return x


def _run_in_threads(*targets):
    errors = []

    def guarded(target):
        try:
            target()
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(t,)) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors


def test_predict_from_four_threads_gives_the_single_thread_result():
    model = _model()
    x = np.random.default_rng(0).random((64, 3)).astype("float32")
    expected = _forward(model, x)
    results = []

    def serve():
        for _ in range(10):
            results.append(model.predict(x, verbose=0))

    _run_in_threads(serve, serve, serve, serve)
    assert len(results) == 40
    for result in results:
        np.testing.assert_allclose(result, expected, rtol=1e-5, atol=1e-6)


def test_predict_while_fit_runs_in_another_thread():
    model = _model()
    rng = np.random.default_rng(1)
    x, y = rng.random((64, 3)).astype("float32"), rng.random((64, 2)).astype("float32")
    model.predict(x, verbose=0)
    before = [w.numpy() for w in model.weights]
    predictions = []

    def train():
        model.fit(x, y, epochs=20, batch_size=8, verbose=0)

    def serve():
        for _ in range(20):
            predictions.append(model.predict(x, verbose=0))

    _run_in_threads(train, serve)
    assert len(predictions) == 20 and all(np.isfinite(p).all() for p in predictions)
    assert model.optimizer.iterations.numpy() == 20 * 8  # every update was kept
    assert any(not np.allclose(b, w.numpy()) for b, w in zip(before, model.weights))
    np.testing.assert_allclose(model.predict(x, verbose=0), _forward(model, x), rtol=1e-5, atol=1e-6)
