import csv

import numpy as np

from kerax.callbacks import CSVLogger


def _rows(path, separator=","):
    with open(path, newline="") as f:
        return list(csv.reader(f, delimiter=separator))


def test_rows_hold_each_epochs_logs(tmp_path, linear_model, regression_data):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01)
    path = tmp_path / "training.log"
    history = model.fit(x, y, batch_size=8, epochs=2, verbose=0, validation_data=(x, y),
                        callbacks=[CSVLogger(path)])
    rows = _rows(path)
    assert rows[0] == ["epoch", "loss", "val_loss"]
    assert [int(r[0]) for r in rows[1:]] == [0, 1]
    np.testing.assert_array_equal([float(r[1]) for r in rows[1:]], history.history["loss"])
    np.testing.assert_array_equal([float(r[2]) for r in rows[1:]], history.history["val_loss"])


def test_append_continues_without_a_second_header(tmp_path, linear_model, regression_data):
    x, y = regression_data
    model = linear_model(np.zeros((3, 1)), np.zeros(1), lr=0.01)
    path = tmp_path / "log.csv"
    model.fit(x, y, epochs=2, verbose=0, callbacks=[CSVLogger(path, separator=";")])
    model.fit(x, y, epochs=1, verbose=0, callbacks=[CSVLogger(path, separator=";", append=True)])
    rows = _rows(path, ";")
    assert [r[0] for r in rows] == ["epoch", "0", "1", "0"]
    model.fit(x, y, epochs=1, verbose=0, callbacks=[CSVLogger(path, separator=";")])
    assert len(_rows(path, ";")) == 2  # append=False starts the file anew


def test_missing_values_are_na_and_sequences_are_bracketed(tmp_path):
    path = tmp_path / "log.csv"
    logger = CSVLogger(path)
    logger.on_train_begin()
    logger.on_epoch_end(0, {"loss": 0.5, "note": "ok", "sizes": [1, 2]})
    logger.on_epoch_end(1, {"loss": 0.25, "sizes": np.array([3, 4])})
    logger.on_train_end()
    assert _rows(path) == [["epoch", "loss", "note", "sizes"], ["0", "0.5", "ok", "[1, 2]"],
                           ["1", "0.25", "NA", "[3, 4]"]]
