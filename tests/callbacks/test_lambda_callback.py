import numpy as np
import pytest

from kerax.callbacks import LambdaCallback
from kerax.callbacks.callback import overrides_batch_hooks


def test_functions_are_called_at_their_hooks(linear_model, regression_data):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01)
    calls = []
    callback = LambdaCallback(
        on_train_begin=lambda logs: calls.append("train_begin"),
        on_epoch_begin=lambda epoch, logs: calls.append(("epoch_begin", epoch)),
        on_batch_begin=lambda batch, logs: calls.append(("batch_begin", batch)),
        on_batch_end=lambda batch, logs: calls.append(("batch_end", batch, round(logs["loss"], 6))),
        on_epoch_end=lambda epoch, logs: calls.append(("epoch_end", epoch, round(logs["loss"], 6))),
        on_train_end=lambda logs: calls.append("train_end"),
    )
    history = model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0, callbacks=[callback])
    assert calls[0] == "train_begin" and calls[-1] == "train_end"
    batch_calls = [c[:2] for c in calls if c[0].startswith("batch")]
    assert batch_calls == [("batch_begin", 0), ("batch_end", 0), ("batch_begin", 1), ("batch_end", 1)] * 2
    epoch_ends = [c for c in calls if c[0] == "epoch_end"]
    assert [c[2] for c in epoch_ends] == [round(v, 6) for v in history.history["loss"]]
    # The last batch's logs are the epoch-to-date averages, i.e. the epoch's logs.
    assert [c[2] for c in calls if c[0] == "batch_end"][1] == epoch_ends[0][2]


def test_only_given_batch_functions_need_per_step_hooks():
    assert not overrides_batch_hooks(LambdaCallback(on_epoch_end=lambda epoch, logs: None), "train")
    assert overrides_batch_hooks(LambdaCallback(on_batch_end=lambda batch, logs: None), "train")
    assert overrides_batch_hooks(LambdaCallback(on_train_batch_begin=lambda batch, logs: None), "train")
    assert overrides_batch_hooks(LambdaCallback(on_test_batch_end=lambda batch, logs: None), "test")


def test_unknown_hook_names_are_refused():
    with pytest.raises(TypeError, match="unexpected keyword argument 'on_epoch_finish'"):
        LambdaCallback(on_epoch_finish=print)
