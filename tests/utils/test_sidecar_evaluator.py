"""SidecarEvaluator over ModelCheckpoint's files, with SidecarEvaluatorModelExport keeping the best."""
import os

import numpy as np

import kerax
from kerax import layers


def _model():
    model = kerax.Sequential([kerax.Input((3,)), layers.Dense(1)])
    model.compile("sgd", "mse", metrics=["mae"])
    return model


def test_sidecar_evaluates_the_latest_checkpoint_and_exports_the_best(tmp_path):
    x = np.random.default_rng(0).random((16, 3)).astype("float32")
    y = x.sum(1, keepdims=True)
    trained = _model()
    checkpoints = str(tmp_path / "ckpt-{epoch:04d}.weights.h5")
    trained.fit(x, y, epochs=2, verbose=0,
                callbacks=[kerax.callbacks.ModelCheckpoint(checkpoints, save_weights_only=True)])
    assert sorted(os.listdir(tmp_path)) == ["ckpt-0001.weights.h5", "ckpt-0002.weights.h5"]

    evaluator_model = _model()
    logs = []
    export = kerax.callbacks.SidecarEvaluatorModelExport(
        str(tmp_path / "best" / "best-{epoch:04d}.weights.h5"), checkpoints, save_freq="eval",
        save_weights_only=True, monitor="loss", mode="min")
    record = kerax.callbacks.LambdaCallback(on_test_end=lambda logs_: logs.append(dict(logs_)))
    data = kerax.data.Dataset.from_tensor_slices((x, y)).batch(8)
    kerax.utils.SidecarEvaluator(evaluator_model, data, str(tmp_path), max_evaluations=2,
                                 callbacks=[export, record]).start()
    kernel, bias = (w.numpy() for w in trained.weights)
    np.testing.assert_allclose(evaluator_model.layers[0].kernel.numpy(), kernel)
    prediction = x @ kernel + bias
    np.testing.assert_allclose(logs[0]["loss"], np.mean((prediction - y) ** 2), rtol=1e-4)
    np.testing.assert_allclose(logs[0]["mae"], np.mean(np.abs(prediction - y)), rtol=1e-4)
    assert os.listdir(tmp_path / "best") == ["best-0002.weights.h5"]
