import numpy as np
import pytest

from kerax.callbacks import LearningRateScheduler, ReduceLROnPlateau


def _numpy_sgd(x, y, w, b, rates, batch_size):
    """Mini-batch SGD on MSE with the rate of each epoch."""
    for lr in rates:
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            err = xb @ w + b - yb
            w = w - lr * 2 * xb.T @ err / err.size
            b = b - lr * 2 * err.sum(axis=0) / err.size
    return w, b


def test_scheduler_rates_drive_the_sgd_updates_without_retracing(linear_model, regression_data):
    x, y = regression_data
    w0, b0 = np.full((3, 1), 0.1), np.zeros(1)
    model = linear_model(w0, b0, lr=0.1)
    traces = []
    step = model.train_step
    model.train_step = lambda data: traces.append(1) or step(data)  # runs once per trace of the step

    def schedule(epoch, lr):
        return 0.1 if epoch == 0 else lr * 0.5

    history = model.fit(x, y, batch_size=4, epochs=3, shuffle=False, verbose=0,
                        callbacks=[LearningRateScheduler(schedule)])
    rates = [0.1, 0.05, 0.025]
    w, b = _numpy_sgd(x.astype("float64"), y.astype("float64"), w0, b0, rates, 4)
    kernel, bias = model.layers[0].get_weights()
    np.testing.assert_allclose(kernel, w, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(bias, b, rtol=1e-4, atol=1e-6)
    np.testing.assert_allclose(history.history["learning_rate"], rates, rtol=1e-6)
    assert len(traces) == 1


def test_scheduler_accepts_the_one_argument_form_and_prints(linear_model, regression_data, capsys):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.1)
    model.fit(x, y, batch_size=8, epochs=2, verbose=0,
              callbacks=[LearningRateScheduler(lambda epoch: 0.01 * (epoch + 1), verbose=1)])
    assert "Epoch 2: LearningRateScheduler setting learning rate to 0.02." in capsys.readouterr().out
    np.testing.assert_allclose(float(model.optimizer.learning_rate.numpy()), 0.02, rtol=1e-6)


def test_scheduler_output_must_be_a_float(linear_model, regression_data):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1))
    message = "The output of the `schedule` function should be a float. Got: 'fast'"
    with pytest.raises(ValueError, match=message):
        model.fit(x, y, epochs=1, verbose=0, callbacks=[LearningRateScheduler(lambda epoch, lr: "fast")])


class _Optimizer:
    def __init__(self, learning_rate):
        self.learning_rate = np.float32(learning_rate)


class _Model:
    def __init__(self, learning_rate):
        self.optimizer = _Optimizer(learning_rate)


def test_reduce_on_plateau_with_patience_cooldown_and_min_lr(capsys):
    model = _Model(1.0)
    callback = ReduceLROnPlateau(factor=0.5, patience=2, cooldown=1, min_lr=0.2, verbose=1)
    callback.set_model(model)
    callback.on_train_begin()
    logged = []
    for epoch, val_loss in enumerate([1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]):
        logs = {"val_loss": val_loss}
        callback.on_epoch_end(epoch, logs)
        logged.append(logs["learning_rate"])
    # Worked by hand: reductions after epochs 3 and 6 (1-based); cooldown resets waiting for one epoch; the
    # third reduction is clipped at min_lr, after which the rate stays.
    np.testing.assert_allclose(logged, [1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2], rtol=1e-6)
    np.testing.assert_allclose(model.optimizer.learning_rate, 0.2, rtol=1e-6)
    assert "Epoch 3: ReduceLROnPlateau reducing learning rate to 0.5." in capsys.readouterr().out


def test_reduce_on_plateau_min_delta_and_max_mode():
    model = _Model(1.0)
    callback = ReduceLROnPlateau(monitor="val_accuracy", factor=0.1, patience=1, min_delta=0.05)
    callback.set_model(model)
    callback.on_train_begin()
    for epoch, accuracy in enumerate([0.5, 0.52, 0.6]):
        callback.on_epoch_end(epoch, {"val_accuracy": accuracy})
    # 0.52 is not 0.05 better than 0.5: one reduction; 0.6 is an improvement.
    np.testing.assert_allclose(model.optimizer.learning_rate, 0.1, rtol=1e-6)


def test_reduce_on_plateau_in_fit_sets_the_rate_the_step_uses(linear_model, regression_data):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.1)
    # An improvement must beat the best by 1e9: only the first epoch does.
    callback = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_delta=1e9)
    history = model.fit(x, y, batch_size=8, epochs=3, verbose=0, callbacks=[callback])
    np.testing.assert_allclose(history.history["learning_rate"], [0.1, 0.1, 0.05], rtol=1e-6)
    np.testing.assert_allclose(model.optimizer.learning_rate.numpy(), 0.025, rtol=1e-6)


def test_reduce_on_plateau_argument_errors():
    with pytest.raises(ValueError, match="does not support a factor >= 1.0. Received factor=1.5"):
        ReduceLROnPlateau(factor=1.5)
    with pytest.warns(UserWarning, match="`epsilon` argument is deprecated"):
        assert ReduceLROnPlateau(epsilon=0.01).min_delta == 0.01
    callback = ReduceLROnPlateau(monitor="val_mae")
    callback.set_model(_Model(1.0))
    with pytest.warns(UserWarning, match="`val_mae` which is not available. Available metrics are: loss"):
        callback.on_epoch_end(0, {"loss": 1.0})
