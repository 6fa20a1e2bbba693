import numpy as np
import pytest

from kerax.callbacks import EarlyStopping


class _FakeModel:
    stop_training = False

    def __init__(self):
        self.weights = [np.zeros(1)]

    def get_weights(self):
        return [w.copy() for w in self.weights]

    def set_weights(self, weights):
        self.weights = [w.copy() for w in weights]


def _run(callback, values, key="val_loss", model=None):
    """Feeds `values` as epoch logs; returns the epoch after which training stopped (or None)."""
    model = model or _FakeModel()
    callback.set_model(model)
    callback.on_train_begin()
    for epoch, value in enumerate(values):
        model.weights = [np.array([float(epoch)])]
        callback.on_epoch_end(epoch, {key: value})
        if model.stop_training:
            callback.on_train_end()
            return epoch
    callback.on_train_end()
    return None


def test_patience_counts_epochs_without_improvement():
    assert _run(EarlyStopping(patience=2), [1.0, 0.9, 0.95, 0.96, 0.97]) == 3
    assert _run(EarlyStopping(patience=2), [1.0, 0.9, 0.95, 0.8, 0.85, 0.7]) is None
    assert _run(EarlyStopping(patience=0), [1.0, 1.1]) == 1


def test_min_delta_requires_a_large_enough_improvement():
    assert _run(EarlyStopping(patience=2, min_delta=0.05), [1.0, 0.99, 0.98, 0.97]) == 2
    assert _run(EarlyStopping(patience=2, min_delta=0.005), [1.0, 0.99, 0.98, 0.97]) is None
    assert EarlyStopping(min_delta=-0.1).min_delta == 0.1


def test_mode_auto_maximizes_accuracy_and_auc():
    assert _run(EarlyStopping(monitor="val_accuracy", patience=1), [0.5, 0.6, 0.7], "val_accuracy") is None
    assert _run(EarlyStopping(monitor="val_auc", patience=1), [0.7, 0.6], "val_auc") == 1
    assert _run(EarlyStopping(monitor="val_acc", mode="min", patience=1), [0.5, 0.6], "val_acc") == 1


def test_baseline_stops_after_patience_epochs_that_do_not_beat_it():
    # Improving, but never below the baseline: stops after `patience` epochs.
    assert _run(EarlyStopping(patience=2, baseline=0.5), [1.0, 0.9, 0.8, 0.7]) == 1
    assert _run(EarlyStopping(patience=2, baseline=0.95), [1.0, 0.9, 0.8, 0.7]) is None


def test_restore_best_weights_restores_the_best_epoch():
    model = _FakeModel()
    callback = EarlyStopping(patience=2, restore_best_weights=True, verbose=1)
    assert _run(callback, [1.0, 0.5, 0.7, 0.8], model=model) == 3
    assert callback.best_epoch == 1 and callback.best == 0.5 and callback.stopped_epoch == 3
    np.testing.assert_array_equal(model.weights[0], [1.0])


def test_restore_best_weights_below_baseline_restores_best_of_the_patience_window():
    model = _FakeModel()
    assert _run(EarlyStopping(patience=3, baseline=0.1, restore_best_weights=True), [1.0, 0.6, 0.8],
                model=model) == 2
    np.testing.assert_array_equal(model.weights[0], [1.0])


def test_start_from_epoch_ignores_warm_up_epochs():
    assert _run(EarlyStopping(patience=1, start_from_epoch=3), [1.0, 2.0, 3.0, 4.0, 5.0]) == 4


def test_missing_monitor_warns_with_available_keys():
    callback = EarlyStopping(monitor="val_acc")
    callback.set_model(_FakeModel())
    callback.on_train_begin()
    message = r"`val_acc` which is not available. Available metrics are: loss,mae"
    with pytest.warns(UserWarning, match=message):
        callback.on_epoch_end(0, {"loss": 1.0, "mae": 0.5})


def test_unknown_mode_falls_back_to_auto():
    with pytest.warns(UserWarning, match="EarlyStopping mode bigger is unknown"):
        EarlyStopping(mode="bigger")


def test_real_fit_stops_and_restores_weights(linear_model, regression_data, capsys):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.05)
    # A baseline no epoch can beat: training stops after `patience` epochs.
    callback = EarlyStopping(monitor="val_loss", patience=2, baseline=-1.0, restore_best_weights=True,
                             verbose=1)
    history = model.fit(x, y, batch_size=8, epochs=10, verbose=0, validation_data=(x, y),
                        callbacks=[callback])
    assert len(history.history["loss"]) == 2 and callback.stopped_epoch == 1
    assert model.stop_training
    out = capsys.readouterr().out
    assert "Epoch 2: early stopping" in out
    assert "Restoring model weights from the end of the best epoch: 2." in out
    # Val loss falls on this easy problem, so the best epoch is the last one: the weights are unchanged.
    assert history.history["val_loss"][1] < history.history["val_loss"][0]
