"""save_weights / load_weights: kerax's native format (Keras 3's weights layout) and Keras 2's HDF5 layout,
`by_name`, `skip_mismatch`, errors for other architectures and bad files, and writes that never destroy the
previous file."""
import os

import h5py
import numpy as np
import pytest

import kerax
from kerax import layers


def known_weights(model):
    """Distinct, recognizable values for every weight."""
    return [np.arange(np.prod(w.shape), dtype="float32").reshape(w.shape) / 7.0 + i
            for i, w in enumerate(model.get_weights())]


def mlp(units=(4, 3), name=None):
    model = kerax.Sequential([layers.Dense(units[0], activation="relu", input_shape=(5,), name="hidden"),
                              layers.Dense(units[1], name="out")], name=name)
    return model


@pytest.mark.parametrize("filename,kwargs", [
    ("weights/my_model", {}), ("w.weights.h5", {}), ("w.h5", {}), ("w_checkpoint", {"save_format": "h5"}),
])
def test_weights_round_trip(tmp_path, filename, kwargs):
    model = mlp()
    values = known_weights(model)
    model.set_weights(values)
    path = str(tmp_path / filename)
    model.save_weights(path, **kwargs)
    fresh = mlp()
    fresh.load_weights(path)
    for expected, restored in zip(values, fresh.get_weights()):
        np.testing.assert_array_equal(restored, expected)


def test_native_format_is_keras_3_weights_layout(tmp_path):
    model = mlp()
    model.save_weights(str(tmp_path / "w"))
    with h5py.File(tmp_path / "w", "r") as f:
        assert f["layers/dense/vars"].attrs["name"] == "hidden"
        assert f["layers/dense/vars/0"].shape == (5, 4) and f["layers/dense/vars/1"].shape == (4,)
        assert f["layers/dense_1/vars/0"].shape == (4, 3)
        assert "vars" in f


def test_h5_format_is_keras_2_layout(tmp_path):
    model = mlp()
    model.set_weights(known_weights(model))
    model.save_weights(str(tmp_path / "w.h5"))
    with h5py.File(tmp_path / "w.h5", "r") as f:
        assert [n.decode() for n in f.attrs["layer_names"]] == ["hidden", "out"]
        assert [n.decode() for n in f["hidden"].attrs["weight_names"]] == ["hidden/kernel:0", "hidden/bias:0"]
        np.testing.assert_array_equal(f["hidden"]["hidden/kernel:0"][()], model.get_weights()[0])
        assert f.attrs["backend"] == "jax" and "keras_version" in f.attrs


def test_frozen_layer_weights_follow_keras_order(tmp_path):
    """Keras 2 files list a layer's trainable weights first, then the non-trainable ones."""
    model = mlp()
    model.layers[0].trainable = False
    model.set_weights(known_weights(model))
    model.save_weights(str(tmp_path / "w.h5"))
    fresh = mlp()
    fresh.layers[0].trainable = False
    fresh.load_weights(str(tmp_path / "w.h5"))
    for expected, restored in zip(model.get_weights(), fresh.get_weights()):
        np.testing.assert_array_equal(restored, expected)


@pytest.mark.parametrize("filename", ["w.h5", "w"])
def test_other_architecture_is_a_clear_error_naming_layer_and_shapes(tmp_path, filename):
    mlp().save_weights(str(tmp_path / filename))
    other = mlp(units=(6, 3))
    with pytest.raises(ValueError, match=r'layer "hidden".*\(5, 6\).*\(5, 4\)'):
        other.load_weights(str(tmp_path / filename))


@pytest.mark.parametrize("filename", ["w.h5", "w"])
def test_more_layers_in_file_is_an_error(tmp_path, filename):
    bigger = kerax.Sequential([layers.Dense(4, input_shape=(5,)), layers.Dense(3), layers.Dense(3)])
    bigger.save_weights(str(tmp_path / filename))
    legacy = filename.endswith(".h5")
    expected = "Layer count mismatch.*2 layer.*file has 3" if legacy else "no place for.*dense_2"
    with pytest.raises(ValueError, match=expected):
        mlp().load_weights(str(tmp_path / filename))


@pytest.mark.parametrize("filename", ["w.h5", "w"])
def test_by_name_loads_matching_layers_only(tmp_path, filename):
    source = kerax.Sequential([layers.Dense(4, input_shape=(5,), name="hidden"),
                               layers.Dense(7, name="other")])
    values = known_weights(source)
    source.set_weights(values)
    source.save_weights(str(tmp_path / filename))
    target = mlp()
    before = target.get_weights()
    target.load_weights(str(tmp_path / filename), by_name=True)
    restored = target.get_weights()
    np.testing.assert_array_equal(restored[0], values[0])
    np.testing.assert_array_equal(restored[1], values[1])
    np.testing.assert_array_equal(restored[2], before[2])  # "out" is not in the file


@pytest.mark.parametrize("filename", ["w.h5", "w"])
def test_skip_mismatch_warns_and_loads_the_rest(tmp_path, filename):
    source = mlp(units=(4, 9))
    values = known_weights(source)
    source.set_weights(values)
    source.save_weights(str(tmp_path / filename))
    target = mlp()
    before = target.get_weights()
    with pytest.warns(UserWarning, match=r'layer "out".*skip_mismatch'):
        target.load_weights(str(tmp_path / filename), by_name=True, skip_mismatch=True)
    np.testing.assert_array_equal(target.get_weights()[0], values[0])
    np.testing.assert_array_equal(target.get_weights()[2], before[2])


class TwoLayers(kerax.Model):
    def __init__(self):
        super().__init__(name="two_layers")
        self.first = layers.Dense(3, activation="relu")
        self.second = layers.Dense(2)

    def call(self, inputs):
        return self.second(self.first(inputs))


@pytest.mark.parametrize("filename", ["w.h5", "w"])
def test_subclassed_model_weights_round_trip(tmp_path, filename):
    model = TwoLayers()
    model(np.zeros((1, 4), "float32"))
    values = known_weights(model)
    model.set_weights(values)
    model.save_weights(str(tmp_path / filename))
    fresh = TwoLayers()
    fresh.build((None, 4))
    fresh.load_weights(str(tmp_path / filename))
    for expected, restored in zip(values, fresh.get_weights()):
        np.testing.assert_array_equal(restored, expected)


def test_unbuilt_subclassed_model_says_to_build_first(tmp_path):
    with pytest.raises(ValueError, match=r"build\(input_shape\)"):
        TwoLayers().save_weights(str(tmp_path / "w.h5"))
    model = TwoLayers()
    model.build((None, 4))
    model.save_weights(str(tmp_path / "w.h5"))
    with pytest.raises(ValueError, match=r"build\(input_shape\)"):
        TwoLayers().load_weights(str(tmp_path / "w.h5"))


def test_subclassed_architecture_saving_says_to_use_save_weights(tmp_path):
    model = TwoLayers()
    model.build((None, 4))
    with pytest.raises(NotImplementedError, match="save_weights"):
        model.to_json()
    with pytest.raises(NotImplementedError, match="save_weights"):
        model.save(str(tmp_path / "m.keras"))
    assert not os.path.exists(tmp_path / "m.keras")


@pytest.mark.parametrize("filename", ["w.h5", "w", "m.keras"])
def test_failed_save_leaves_the_previous_file_intact(tmp_path, filename, monkeypatch):
    model = mlp()
    model.set_weights(known_weights(model))
    path = str(tmp_path / filename)
    save = model.save if filename.endswith(".keras") else model.save_weights
    save(path)
    before = open(path, "rb").read()

    def broken_numpy(self):
        raise RuntimeError("disk full")

    monkeypatch.setattr(kerax.backend.Variable, "numpy", broken_numpy)
    with pytest.raises(RuntimeError, match="disk full"):
        save(path)
    monkeypatch.undo()
    assert open(path, "rb").read() == before
    assert sorted(os.listdir(tmp_path)) == [filename]  # no temporary file left behind


def test_failed_directory_save_leaves_the_previous_directory_intact(tmp_path, monkeypatch):
    model = mlp()
    model.save(str(tmp_path / "saved"))
    before = (tmp_path / "saved" / "model.weights.h5").read_bytes()
    monkeypatch.setattr(kerax.backend.Variable, "numpy", lambda self: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        model.save(str(tmp_path / "saved"))
    monkeypatch.undo()
    assert (tmp_path / "saved" / "model.weights.h5").read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["saved"]


@pytest.mark.parametrize("filename", ["w.h5", "w"])
def test_truncated_file_is_a_clear_error_naming_the_path(tmp_path, filename):
    path = tmp_path / filename
    mlp().save_weights(str(path))
    path.write_bytes(path.read_bytes()[:600])
    with pytest.raises(ValueError, match=f"{filename}.*(truncated|not a valid HDF5)"):
        mlp().load_weights(str(path))


def test_not_a_weights_file_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    with pytest.raises(ValueError, match="notes.txt.*neither a Keras archive"):
        mlp().load_weights(str(path))
    with pytest.raises(ValueError, match="notes.txt"):
        kerax.models.load_model(str(path))


def test_missing_file_and_tensorflow_checkpoint_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing_here"):
        mlp().load_weights(str(tmp_path / "nothing_here"))
    (tmp_path / "ckpt.index").write_bytes(b"")
    with pytest.raises(ValueError, match="TensorFlow checkpoint.*save_weights\\('weights.h5'\\)"):
        mlp().load_weights(str(tmp_path / "ckpt"))


def test_overwrite_false_refuses_to_replace(tmp_path):
    mlp().save_weights(str(tmp_path / "w.h5"))
    with pytest.raises(FileExistsError, match="overwrite=True"):
        mlp().save_weights(str(tmp_path / "w.h5"), overwrite=False)
