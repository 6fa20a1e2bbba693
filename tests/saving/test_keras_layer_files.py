"""Every layer class kerax shares with Keras 3 and tf.keras 2, in every file those versions write
(keras_files/make_layer_fixtures.py made them with real Keras): kerax loads each, computes what Keras
computed, and saves again in Keras's exact layout (weight names, shapes and order)."""
import json
import os
import zipfile

import h5py
import numpy as np
import pytest

import kerax

FILES = os.path.join(os.path.dirname(__file__), "keras_files")
EXPECTED = np.load(os.path.join(FILES, "layers.npz"))
with zipfile.ZipFile(os.path.join(FILES, "layers.zip")) as _archive:
    MEMBERS = {name: _archive.read(name) for name in _archive.namelist()}
CASES = sorted({name.split(".")[0] for name in MEMBERS})


def extract(tmp_path, member):
    path = tmp_path / member
    path.write_bytes(MEMBERS[member])
    return str(path)


def inputs_of(case):
    x = [EXPECTED[f"{case}/x{i}"] for i in range(4) if f"{case}/x{i}" in EXPECTED]
    return x if len(x) > 1 else x[0]


def outputs_of(model, x):
    outputs = model(x, training=False)
    outputs = outputs if isinstance(outputs, (list, tuple)) else [outputs]
    return np.concatenate([np.ravel(np.asarray(o)) for o in outputs])


def load(case, form, tmp_path):
    if form == "keras":
        return kerax.models.load_model(extract(tmp_path, f"{case}.keras"))
    if form == "tf_h5":
        return kerax.models.load_model(extract(tmp_path, f"{case}.tf.h5"))
    prefix = case if form == "json_weights" else f"{case}.tf"
    model = kerax.models.model_from_json(MEMBERS[f"{prefix}.json"].decode())
    model.load_weights(extract(tmp_path, f"{prefix}.weights.h5"))
    return model


def test_every_case_is_there():
    assert len(CASES) >= 30
    for case in CASES:
        for suffix in (".keras", ".json", ".weights.h5", ".tf.h5", ".tf.json", ".tf.weights.h5"):
            assert case + suffix in MEMBERS


@pytest.mark.parametrize("case", CASES)
def test_keras_files_load_and_compute_what_keras_computed(case, tmp_path):
    x = inputs_of(case)
    forms = (("keras", "json_weights", "keras3"), ("tf_h5", "tf_json_weights", "tf_keras"))
    for whole, parts, version in forms:
        model = load(case, whole, tmp_path)
        np.testing.assert_allclose(outputs_of(model, x), EXPECTED[f"{case}/{version}"], rtol=1e-5, atol=1e-5,
                                   err_msg=f"{case} loaded from its {whole} file")
        # JSON + weights file: the same architecture and weights as the whole-model file, so the same outputs.
        rebuilt = load(case, parts, tmp_path)
        assert [type(layer) for layer in rebuilt.layers] == [type(layer) for layer in model.layers]
        for loaded, expected in zip(rebuilt.get_weights(), model.get_weights(), strict=True):
            np.testing.assert_array_equal(loaded, expected, err_msg=f"{case} loaded from its {parts} files")


def keras3_layout(path):
    """{dataset path: shape} and {vars group: its `name`} of a Keras 3 weights file."""
    shapes, names = {}, {}

    def visit(name, item):
        if isinstance(item, h5py.Dataset):
            shapes[name] = item.shape
        elif name.endswith("vars") and item.attrs.get("name") is not None and len(item):
            names[name] = item.attrs["name"]

    with h5py.File(path, "r") as f:
        f.visititems(visit)
    return shapes, names


def keras2_layout(group):
    """[(layer, [(weight name, shape)])] of a Keras 2 HDF5 weights group, in the file's order."""
    def strings(values):
        return [v.decode() if isinstance(v, bytes) else str(v) for v in values]

    layers = []
    for layer in strings(group.attrs["layer_names"]):
        names = strings(group[layer].attrs["weight_names"])
        layers.append((layer, [(name, group[layer][name].shape) for name in names]))
    return layers


@pytest.mark.parametrize("case", CASES)
def test_kerax_saves_keras_3_files_in_keras_3_layout(case, tmp_path):
    model = kerax.models.load_model(extract(tmp_path, f"{case}.keras"))
    keras_shapes, keras_names = keras3_layout(extract(tmp_path, f"{case}.weights.h5"))
    model.save_weights(tmp_path / "again.weights.h5")
    assert keras3_layout(tmp_path / "again.weights.h5") == (keras_shapes, keras_names)
    model.save(tmp_path / "again.keras")
    with zipfile.ZipFile(tmp_path / "again.keras") as archive:
        (tmp_path / "inner.h5").write_bytes(archive.read("model.weights.h5"))
        assert json.loads(archive.read("config.json"))["class_name"] == "Functional"
    assert keras3_layout(tmp_path / "inner.h5")[0] == keras_shapes


@pytest.mark.parametrize("case", CASES)
def test_kerax_saves_tf_keras_files_in_tf_keras_layout(case, tmp_path):
    model = kerax.models.load_model(extract(tmp_path, f"{case}.tf.h5"))
    with h5py.File(extract(tmp_path, f"{case}.tf.h5"), "r") as f:
        keras_layout = keras2_layout(f["model_weights"])
    model.save(tmp_path / "again.h5")
    with h5py.File(tmp_path / "again.h5", "r") as f:
        assert keras2_layout(f["model_weights"]) == keras_layout
    model.save_weights(tmp_path / "again_weights.h5")
    with h5py.File(tmp_path / "again_weights.h5", "r") as f, \
            h5py.File(extract(tmp_path, f"{case}.tf.weights.h5"), "r") as keras_file:
        assert keras2_layout(f) == keras2_layout(keras_file)
