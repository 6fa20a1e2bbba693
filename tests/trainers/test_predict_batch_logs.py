"""predict's batch hooks get the batch's predictions as `logs["outputs"]` (Keras 3), without padding."""
import numpy as np

import kerax
from kerax import layers


class Recorder(kerax.callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.outputs = []

    def on_predict_batch_end(self, batch, logs=None):
        self.outputs.append(logs["outputs"])


def test_predict_batch_end_logs_hold_the_batch_predictions(rng):
    model = kerax.Sequential([kerax.Input((3,)), layers.Dense(2)])
    x = rng.random((10, 3)).astype("float32")
    recorder = Recorder()
    predictions = model.predict(x, batch_size=4, callbacks=[recorder], verbose=0)
    assert [o.shape for o in recorder.outputs] == [(4, 2), (4, 2), (2, 2)]
    kernel, bias = model.layers[0].get_weights()
    np.testing.assert_allclose(np.concatenate(recorder.outputs), x @ kernel + bias, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(np.concatenate(recorder.outputs), predictions)
