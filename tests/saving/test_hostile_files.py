"""Damaged or hostile files are refused before they cost memory, and a load that fails changes nothing."""
import os
import zipfile

import h5py
import numpy as np
import pytest

import kerax
from kerax import layers

PEBIBYTES_4 = 2**50  # float32 elements: 4 PiB


def mlp(last_units=2):
    return kerax.Sequential([kerax.Input((3,)), layers.Dense(4, name="a"), layers.Dense(3, name="b"),
                             layers.Dense(last_units, name="c")])


def test_a_dataset_declaring_4_pib_is_refused_from_its_shape_naming_the_file(tmp_path):
    path = str(tmp_path / "huge.weights.h5")
    mlp().save_weights(path)
    with h5py.File(path, "r+") as f:  # Keras 3 layout: layers/dense/vars/0 is the first kernel
        del f["layers/dense/vars/0"]
        f["layers/dense/vars"].create_dataset("0", shape=(PEBIBYTES_4,), dtype="float32", chunks=(1024,))
    assert os.path.getsize(path) < 100_000  # nothing of it is stored: reading it would allocate 4 PiB
    with pytest.raises(ValueError, match=rf"{path}.*the file has 2 weight\(s\) of shape\(s\) "
                                         rf"\[\({PEBIBYTES_4},\), \(4,\)\]"):
        mlp().load_weights(path)


def test_a_legacy_h5_dataset_declaring_4_pib_is_refused_too(tmp_path):
    path = str(tmp_path / "huge.h5")
    mlp().save(path)
    with h5py.File(path, "r+") as f:
        group = f["model_weights/a"]
        name = group.attrs["weight_names"][0].decode()
        del group[name]
        group.create_dataset(name, shape=(PEBIBYTES_4, 1), dtype="float32", chunks=(1024, 1))
    with pytest.raises(ValueError, match=rf"{path}.*\({PEBIBYTES_4}, 1\)"):
        kerax.models.load_model(path)


def test_a_keras_archive_whose_config_inflates_past_its_role_is_refused_before_inflating(tmp_path):
    path = str(tmp_path / "bomb.keras")
    mlp().save(path)
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["config.json"] = b" " * (64 * 2**20)  # 64 MiB that deflate to ~64 KB
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    assert os.path.getsize(path) < 1_000_000
    with pytest.raises(ValueError, match=rf"Refusing to read config.json in {path}: it holds 67108864 bytes"):
        kerax.models.load_model(path)


@pytest.mark.parametrize("suffix", [".weights.h5", ".h5", ".keras"])
def test_a_load_that_fails_on_the_last_layer_leaves_every_weight_unchanged(tmp_path, suffix):
    path = str(tmp_path / ("saved" + suffix))
    source = mlp(last_units=5)
    (source.save if suffix == ".keras" else source.save_weights)(path)
    model = mlp(last_units=2)
    before = [w.numpy() for w in model.weights]
    with pytest.raises(ValueError, match=r'into layer "c".*\(5,\)'):
        model.load_weights(path)
    for old, weight in zip(before, model.weights):
        np.testing.assert_array_equal(weight.numpy(), old)
