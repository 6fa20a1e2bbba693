"""Progbar and the interactive-logging switch (what a user sees on stdout or in the log)."""
import logging
import re

import numpy as np
import pytest

import kerax
from kerax import layers, utils
from kerax.console import io_utils


@pytest.fixture(autouse=True)
def interactive_logging_restored():
    yield
    utils.enable_interactive_logging()


def test_finished_line_with_known_target(capsys):
    bar = utils.Progbar(4)
    for step in range(1, 5):
        bar.update(step, [("loss", float(step))])
    out = capsys.readouterr().out  # not a terminal: only the finished line, with the last value
    assert re.fullmatch(r"4/4 \[====================\] - \d+s \d+(us|ms|s)/step - loss: 4\.0000\n", out), out


def test_values_are_averaged_over_steps_unless_stateful(capsys):
    bar = utils.Progbar(None, stateful_metrics=["acc"], unit_name="sample")
    bar.update(1, [("loss", 1.0), ("acc", 0.5)])
    bar.add(2, {"loss": 4.0, "acc": 0.25})  # loss weighted by the 2 new steps: (1 + 4 * 2) / 3 = 3
    bar.update(3, finalize=True)
    out = capsys.readouterr().out
    expected = r" {6}3/Unknown - \d+s \d+(us|ms|s)/sample - loss: 3\.0000 - acc: 0\.2500\n"
    assert re.fullmatch(expected, out), out


def test_stateless_metrics_names_the_averaged_ones(capsys):
    bar = utils.Progbar(2, verbose=2, stateless_metrics=["loss"])
    bar.update(1, [("loss", 2.0), ("lr", 0.1)], finalize=False)
    bar.update(2, [("lr", 0.01)], finalize=True)
    assert re.fullmatch(r"2/2 - \d+s - loss: 2\.0000 - lr: 0\.0100 - \d+ms/epoch - \d+(us|ms|s)/step\n",
                        capsys.readouterr().out)
    with pytest.raises(ValueError, match="Only one of `stateful_metrics` or `stateless_metrics`"):
        utils.Progbar(2, stateful_metrics=["a"], stateless_metrics=["b"])


def test_verbose_0_prints_nothing(capsys):
    bar = utils.Progbar(3, verbose=0)
    bar.update(3, [("loss", 1.0)])
    assert capsys.readouterr().out == ""


def test_live_terminal_redraws_at_most_every_interval(capsys, monkeypatch):
    monkeypatch.setattr(io_utils, "is_live_terminal", lambda: True)
    bar = utils.Progbar(10, width=10, interval=3600)
    for step in range(1, 11):
        bar.update(step)
    out = capsys.readouterr().out
    assert out.count("\r") == 2 and out.endswith("\n")  # the first draw, then only the finished line
    assert "\r 1/10 [>.........] - ETA:" in out and "\r10/10 [==========]" in out


def test_disabled_interactive_logging_sends_messages_to_the_logger(capsys, caplog):
    assert utils.is_interactive_logging_enabled()
    utils.disable_interactive_logging()
    assert not utils.is_interactive_logging_enabled() and not io_utils.is_live_terminal()
    model = kerax.Sequential([layers.Input((2,)), layers.Dense(1)])
    model.compile("sgd", "mse")
    with caplog.at_level(logging.INFO, logger="kerax"):
        model.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=2, epochs=2, verbose=1)
    assert capsys.readouterr().out == ""
    messages = [r.getMessage() for r in caplog.records if r.name == "kerax"]
    assert messages[0] == "Epoch 1/2" and messages[1].startswith("2/2 [") and len(messages) == 4
    utils.enable_interactive_logging()
    model.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=2, epochs=1, verbose=1)
    assert capsys.readouterr().out.startswith("Epoch 1/1\n2/2 [")
