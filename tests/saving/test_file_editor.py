"""KerasFileEditor: reading .keras / .weights.h5 files, comparing, editing and re-saving their weights."""
import os

import numpy as np
import pytest

import kerax
from kerax import layers


def _model():
    return kerax.Sequential([kerax.Input((3,)), layers.Dense(4), layers.Dense(2)])


def test_editor_reads_compares_and_edits_a_keras_file(tmp_path, capsys):
    model = _model()
    model.save(tmp_path / "m.keras")
    editor = kerax.saving.KerasFileEditor(str(tmp_path / "m.keras"))
    assert editor.metadata["keras_version"] and editor.config["class_name"] == "Sequential"
    np.testing.assert_array_equal(editor.weights_dict["layers"]["dense"]["0"], model.layers[0].kernel.numpy())
    editor.summary()
    assert "dense_1 ('dense_1')" in capsys.readouterr().out
    assert editor.compare(model) == {"status": "success", "error_count": 0, "match_count": 4}

    editor.rename_object("dense", "renamed")
    assert editor.compare(model)["error_count"] == 2  # one missing on each side
    editor.rename_object("layers/renamed", "dense")
    editor.delete_weight("dense_1", "1")
    assert editor.compare(model) == {"status": "error", "error_count": 1, "match_count": 3}
    editor.add_weights("layers/dense_1", {"1": np.full((2,), 5.0, "float32")})
    editor.save(tmp_path / "edited.weights.h5")
    model.load_weights(tmp_path / "edited.weights.h5")
    np.testing.assert_array_equal(model.layers[1].bias.numpy(), [5.0, 5.0])
    assert [n for n in os.listdir(tmp_path) if n.endswith(".tmp")] == []


def test_editor_object_edits_on_a_weights_file(tmp_path):
    model = _model()
    model.save_weights(tmp_path / "m.weights.h5")
    editor = kerax.saving.KerasFileEditor(tmp_path / "m.weights.h5")
    editor.delete_object("layers/dense_1")
    bigger = kerax.Sequential([kerax.Input((3,)), layers.Dense(4), layers.Dense(6)])
    result = editor.compare(bigger)
    assert result["status"] == "error" and result["match_count"] == 2
    editor.add_object("layers/dense_1", {"0": np.ones((4, 6)), "1": np.zeros(6)})
    assert editor.compare(bigger)["status"] == "success"
    editor.save(tmp_path / "bigger.weights.h5")
    bigger.load_weights(tmp_path / "bigger.weights.h5")
    np.testing.assert_array_equal(bigger.layers[1].kernel.numpy(), np.ones((4, 6)))


def test_editor_errors(tmp_path):
    with pytest.raises(ValueError, match="a `.keras` `.weights.h5` extension. Received: filepath=x.h5"):
        kerax.saving.KerasFileEditor("x.h5")
    model = _model()
    model.save_weights(tmp_path / "m.weights.h5")
    editor = kerax.saving.KerasFileEditor(tmp_path / "m.weights.h5")
    with pytest.raises(ValueError, match="Source name 'conv' does not appear in the model"):
        editor.delete_object("conv")
    with pytest.raises(ValueError, match="Path 'layers/conv' not found in model"):
        editor.delete_object("layers/conv")
    with pytest.raises(ValueError, match="occurs more than once"):
        editor.delete_object("0")
    with pytest.raises(ValueError, match="Weight 7 not found in object dense. Weights found: \\['0', '1'\\]"):
        editor.delete_weight("dense", "7")
    with pytest.raises(ValueError, match="should be a leaf name"):
        editor.rename_object("dense", "a/b")
    with pytest.raises(ValueError, match="Argument `weights` should be a dict"):
        editor.add_object("layers/new", [np.ones(2)])
    with pytest.raises(ValueError, match="expected a `.weights.h5` extension"):
        editor.save(tmp_path / "out.keras")
