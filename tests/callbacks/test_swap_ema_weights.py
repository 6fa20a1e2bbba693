"""SwapEMAWeights: validation sees the optimizer's moving-average weights; training continues from the
trained ones; with swap_on_epoch, later callbacks and the end of fit see the averages."""
import numpy as np
import pytest

import kerax
from kerax import callbacks, layers


class Recorder(callbacks.Callback):
    def __init__(self):
        super().__init__()
        self.at_test, self.at_epoch_end, self.averages = [], [], []

    def on_test_begin(self, logs=None):
        self.at_test.append(self.model.layers[0].kernel.numpy().copy())

    def on_epoch_end(self, epoch, logs=None):
        self.at_epoch_end.append(self.model.layers[0].kernel.numpy().copy())
        self.averages.append(self.model.optimizer.ema_variables[0].numpy().copy())


def ema_model():
    dense = layers.Dense(1, use_bias=False, kernel_initializer="zeros")
    model = kerax.Sequential([layers.Input((3,)), dense])
    model.compile(kerax.optimizers.SGD(0.05, use_ema=True, ema_momentum=0.5), "mse")
    return model


def test_validation_runs_on_the_averaged_weights(regression_data):
    x, y = regression_data
    model, recorder = ema_model(), Recorder()
    history = model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0, validation_data=(x, y),
                        callbacks=[callbacks.SwapEMAWeights(), recorder])
    for epoch in range(2):
        # During validation the model held the averages: its val_loss is the MSE of those weights.
        kernel = recorder.at_test[epoch]
        np.testing.assert_allclose(kernel, recorder.averages[epoch], rtol=1e-6)
        np.testing.assert_allclose(history.history["val_loss"][epoch], np.mean((x @ kernel - y) ** 2),
                                   rtol=1e-5)
        assert not np.allclose(recorder.at_epoch_end[epoch], kernel)  # swapped back for training


def test_swap_on_epoch_leaves_the_averages_in_the_model(regression_data):
    x, y = regression_data
    model, recorder = ema_model(), Recorder()
    model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0,
              callbacks=[callbacks.SwapEMAWeights(swap_on_epoch=True), recorder])
    # At each epoch's end (after the swap) the model held the averages and the optimizer the trained weights.
    assert not np.allclose(recorder.at_epoch_end[0], recorder.averages[0])
    np.testing.assert_allclose(model.layers[0].kernel.numpy(), recorder.at_epoch_end[-1], rtol=1e-6)


def test_needs_an_ema_optimizer(regression_data):
    model = kerax.Sequential([layers.Input((3,)), layers.Dense(1)])
    model.compile("sgd", "mse")
    with pytest.raises(ValueError, match="`use_ema=True`"):
        model.evaluate(*regression_data, verbose=0, callbacks=[callbacks.SwapEMAWeights()])
