import numpy as np

from kerax.callbacks import TerminateOnNaN
from kerax.callbacks.callback import overrides_batch_hooks


def _data_with_nan_in_batch(batch, rng):
    x = rng.normal(size=(32, 3)).astype("float32")
    x[batch * 4] = np.nan  # batch_size 4: one sample of that batch
    return x, rng.normal(size=(32, 1)).astype("float32")


def test_stops_on_a_nan_loss_checked_once_per_device_call(linear_model, rng, capsys):
    x, y = _data_with_nan_in_batch(2, rng)
    model = linear_model(np.zeros((3, 1)), np.zeros(1))
    history = model.fit(x, y, batch_size=4, epochs=5, shuffle=False, verbose=0, callbacks=[TerminateOnNaN()])
    assert len(history.history["loss"]) == 1 and np.isnan(history.history["loss"][0])
    # The whole epoch (8 batches) ran in one device call: the group's last batch is reported.
    assert capsys.readouterr().out.strip() == "Batch 7: Invalid loss, terminating training"


def test_reports_the_exact_batch_when_steps_run_one_per_call(linear_model, rng, capsys):
    x, y = _data_with_nan_in_batch(2, rng)
    model = linear_model(np.zeros((3, 1)), np.zeros(1), steps_per_execution=1)
    model.fit(x, y, batch_size=4, epochs=5, shuffle=False, verbose=0, callbacks=[TerminateOnNaN()])
    assert capsys.readouterr().out.strip() == "Batch 2: Invalid loss, terminating training"
    assert model.optimizer.iterations.numpy() == 3


def test_infinite_loss_also_stops(linear_model, rng, capsys):
    x = np.full((8, 3), 1e30, dtype="float32")
    model = linear_model(np.ones((3, 1)), np.zeros(1))
    model.fit(x, np.zeros((8, 1), "float32"), batch_size=4, epochs=3, verbose=0, callbacks=[TerminateOnNaN()])
    assert "Invalid loss, terminating training" in capsys.readouterr().out
    assert not overrides_batch_hooks(TerminateOnNaN(), "train")
