"""Files written by real Keras load in kerax, and kerax writes the layouts Keras reads.

The fixtures are written here with h5py/zipfile exactly as tf.keras 2.x / Keras 2 (`.h5`: `model_config`
and `training_config` attributes, `model_weights` with `layer_names` / `weight_names`, `optimizer_weights`)
and Keras 3 (`.keras`: zip of config.json, metadata.json, model.weights.h5 with `layers/<class>/vars/<i>`)
lay them out. Expected outputs come from NumPy formulas over the fixture weights.
"""
import json
import zipfile

import h5py
import numpy as np
import pytest

import kerax

rng = np.random.default_rng(3)
x = rng.random((5, 4)).astype("float32")
W1, B1 = rng.standard_normal((4, 3)).astype("float32"), rng.standard_normal(3).astype("float32")
W2, B2 = rng.standard_normal((3, 2)).astype("float32"), rng.standard_normal(2).astype("float32")


def softmax(z):
    e = np.exp(z - z.max(-1, keepdims=True))
    return e / e.sum(-1, keepdims=True)


EXPECTED = softmax(np.maximum(x @ W1 + B1, 0) @ W2 + B2)


def names(values):
    return np.array([v.encode() for v in values])


def write_keras2_layers(group, layers, keras_version="2.4.0"):
    """`layers`: [(layer name, [(weight name, array), ...])], as tf.keras's save_weights_to_hdf5_group."""
    group.attrs["layer_names"] = names([name for name, _ in layers])
    group.attrs["backend"] = b"tensorflow"
    group.attrs["keras_version"] = keras_version.encode()
    for layer_name, weights in layers:
        layer_group = group.create_group(layer_name)
        layer_group.attrs["weight_names"] = names([w for w, _ in weights])
        for weight_name, value in weights:
            layer_group.create_dataset(weight_name, data=value)


def tf2_dense(name, units, activation, **extra):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
        "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
        "bias_constraint": None, **extra}}


TF2_MODEL_CONFIG = {"class_name": "Sequential", "config": {"name": "sequential", "layers": [
    {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 4], "dtype": "float32",
                                            "sparse": False, "ragged": False, "name": "dense_input"}},
    tf2_dense("dense", 3, "relu", batch_input_shape=[None, 4]),
    tf2_dense("dense_1", 2, "softmax"),
]}, "keras_version": "2.4.0", "backend": "tensorflow"}

TF2_TRAINING_CONFIG = {
    "loss": "categorical_crossentropy",
    "metrics": [[{"class_name": "MeanMetricWrapper",
                  "config": {"name": "accuracy", "dtype": "float32", "fn": "categorical_accuracy"}}]],
    "weighted_metrics": None, "loss_weights": None,
    "optimizer_config": {"class_name": "RMSprop", "config": {
        "name": "RMSprop", "learning_rate": 0.0025, "decay": 0.0, "rho": 0.9, "momentum": 0.0,
        "epsilon": 1e-07, "centered": False}},
}


@pytest.fixture
def tf2_h5(tmp_path):
    path = tmp_path / "tf2_model.h5"
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.4.0"
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(TF2_MODEL_CONFIG).encode()
        f.attrs["training_config"] = json.dumps(TF2_TRAINING_CONFIG).encode()
        write_keras2_layers(f.create_group("model_weights"), [
            ("dense", [("dense/kernel:0", W1), ("dense/bias:0", B1)]),
            ("dense_1", [("dense_1/kernel:0", W2), ("dense_1/bias:0", B2)]),
        ])
        optimizer = f.create_group("optimizer_weights")
        slots = [("RMSprop/iter:0", np.int64(40))] + [
            (f"RMSprop/{n}/rms:0", np.ones_like(v)) for n, v in
            (("dense/kernel", W1), ("dense/bias", B1), ("dense_1/kernel", W2), ("dense_1/bias", B2))]
        optimizer.attrs["weight_names"] = names([n for n, _ in slots])
        for name, value in slots:
            optimizer.create_dataset(name, data=value)
    return str(path)


def test_tf_keras_2_whole_model_h5_loads(tf2_h5):
    with pytest.warns(UserWarning, match="optimizer state"):  # Keras 2's optimizers keep other slots
        model = kerax.models.load_model(tf2_h5)
    np.testing.assert_allclose(model.predict(x, verbose=0), EXPECTED, rtol=1e-5)
    assert type(model.optimizer).__name__ == "RMSprop"
    assert model.optimizer.get_config()["learning_rate"] == 0.0025
    history = model.fit(x, EXPECTED, epochs=1, verbose=0)
    assert set(history.history) == {"loss", "accuracy"}


def test_tf_keras_1_h5_with_batch_input_shape_on_the_first_layer_loads(tmp_path):
    """The seed-003 era: no InputLayer, attributes as bytes, Keras 2.1's optimizer arguments (`lr`)."""
    config = {"class_name": "Sequential", "config": {"name": "sequential_3", "layers": [
        tf2_dense("dense_17", 3, "relu", batch_input_shape=[None, 4], dtype=None),
        tf2_dense("dense_18", 2, "softmax", dtype=None)]},
        "keras_version": "2.1.6-tf", "backend": "tensorflow"}
    rmsprop = {"lr": 0.001, "rho": 0.9, "decay": 0.0, "epsilon": 1e-07}
    training = {"optimizer_config": {"class_name": "RMSprop", "config": rmsprop},
                "loss": "categorical_crossentropy", "metrics": ["accuracy"], "sample_weight_mode": None,
                "loss_weights": None}
    path = tmp_path / "old.h5"
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = b"2.1.6-tf"
        f.attrs["model_config"] = json.dumps(config).encode()
        f.attrs["training_config"] = json.dumps(training).encode()
        write_keras2_layers(f.create_group("model_weights"), [
            ("dense_17", [("dense_17/kernel:0", W1), ("dense_17/bias:0", B1)]),
            ("dense_18", [("dense_18/kernel:0", W2), ("dense_18/bias:0", B2)]),
        ], keras_version="2.1.6-tf")
    model = kerax.models.load_model(str(path))
    np.testing.assert_allclose(model.predict(x, verbose=0), EXPECTED, rtol=1e-5)
    assert model.input_shape == (None, 4)


def functional_model(hidden_name="hidden", out_name="out"):
    inputs = kerax.Input((4,), name="input_1")
    hidden = kerax.layers.Dense(3, activation="relu", name=hidden_name)(inputs)
    return kerax.Model(inputs, kerax.layers.Dense(2, activation="softmax", name=out_name)(hidden))


def write_tf2_functional_weights(path):
    """tf.keras 2 lists a functional model's InputLayer too, with no weights."""
    with h5py.File(path, "w") as f:
        write_keras2_layers(f, [
            ("input_1", []),
            ("hidden", [("hidden/kernel:0", W1), ("hidden/bias:0", B1)]),
            ("out", [("out/kernel:0", W2), ("out/bias:0", B2)]),
        ])
        f["input_1"].attrs["weight_names"] = np.array([], dtype="S1")
        top = f.create_group("top_level_model_weights")
        top.attrs["weight_names"] = np.array([], dtype="S1")


def test_tf_keras_2_weights_h5_loads_by_position_and_by_name(tmp_path):
    path = str(tmp_path / "weights.h5")
    write_tf2_functional_weights(path)
    model = functional_model(hidden_name="renamed_1", out_name="renamed_2")
    model.load_weights(path)  # by position: names may differ
    np.testing.assert_allclose(model.predict(x, verbose=0), EXPECTED, rtol=1e-5)
    named = functional_model()
    named.load_weights(path, by_name=True)
    np.testing.assert_allclose(named.predict(x, verbose=0), EXPECTED, rtol=1e-5)


def keras3_dense(name, units, activation):
    policy = {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
              "registered_name": None}
    init = {"module": "keras.initializers", "class_name": "GlorotUniform",
            "config": {"seed": None, "input_axes": None, "output_axes": None}, "registered_name": None}
    return {"module": "keras.layers", "class_name": "Dense", "registered_name": None, "config": {
        "name": name, "trainable": True, "dtype": policy, "units": units, "activation": activation,
        "use_bias": True, "kernel_initializer": init,
        "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                             "registered_name": None},
        "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
        "bias_constraint": None, "quantization_config": None}, "build_config": {"input_shape": [None, 4]}}


KERAS3_CONFIG = {
    "module": "keras", "class_name": "Sequential", "registered_name": None,
    "config": {"name": "sequential", "trainable": True, "layers": [
        {"module": "keras.layers", "class_name": "InputLayer", "registered_name": None, "config": {
            "batch_shape": [None, 4], "dtype": "float32", "sparse": False, "ragged": False,
            "name": "input_layer", "optional": False}},
        keras3_dense("dense", 3, "relu"),
        {"module": "keras.layers", "class_name": "Dropout", "registered_name": None, "config": {
            "name": "dropout", "trainable": True, "dtype": "float32", "rate": 0.25, "seed": None,
            "noise_shape": None}},
        keras3_dense("dense_1", 2, "softmax"),
    ], "build_input_shape": [None, 4]},
    "build_config": {"input_shape": [None, 4]},
    "compile_config": {
        "optimizer": {"module": "keras.optimizers", "class_name": "Adam", "registered_name": None, "config": {
            "name": "adam", "learning_rate": 0.009999999776482582, "weight_decay": None, "clipnorm": None,
            "global_clipnorm": None, "clipvalue": None, "use_ema": False, "ema_momentum": 0.99,
            "ema_overwrite_frequency": None, "loss_scale_factor": None, "gradient_accumulation_steps": None,
            "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-07, "amsgrad": False}},
        "loss": "categorical_crossentropy", "loss_weights": None, "metrics": ["accuracy"],
        "weighted_metrics": None, "run_eagerly": False, "steps_per_execution": 1, "jit_compile": True},
}


@pytest.fixture
def keras3_file(tmp_path):
    weights_path = tmp_path / "model.weights.h5"
    momentum = [np.full_like(v, 0.5) for v in (W1, B1, W2, B2)]
    with h5py.File(weights_path, "w") as f:
        f.create_group("vars").attrs["name"] = "sequential"
        stored = (("layers/dense", "dense", [W1, B1]), ("layers/dense_1", "dense_1", [W2, B2]),
                  ("layers/dropout/seed_generator", "seed_generator", [np.array([5, 0], "uint32")]),
                  ("layers/dropout", "dropout", []))
        for path, name, values in stored:
            group = f.create_group(f"{path}/vars")
            group.attrs["name"] = name
            for i, value in enumerate(values):
                group.create_dataset(str(i), data=value)
        optimizer = f.create_group("optimizer/vars")
        optimizer.attrs["name"] = "adam"
        slots = [np.int32(30), np.float32(0.01)] + [s for m in momentum for s in (m, m * 0.1)]
        for i, value in enumerate(slots):
            optimizer.create_dataset(str(i), data=value)
    path = tmp_path / "keras3.keras"
    with zipfile.ZipFile(path, "w") as archive:
        metadata = {"keras_version": "3.6.0", "date_saved": "2024-10-01@10:00:00"}
        archive.writestr("metadata.json", json.dumps(metadata))
        archive.writestr("config.json", json.dumps(KERAS3_CONFIG))
        archive.write(weights_path, "model.weights.h5")
    return str(path)


def test_keras_3_archive_loads_with_weights_and_optimizer_state(keras3_file):
    model = kerax.models.load_model(keras3_file)
    np.testing.assert_allclose(model.predict(x, verbose=0), EXPECTED, rtol=1e-5)
    assert [type(layer).__name__ for layer in model.layers] == ["Dense", "Dropout", "Dense"]
    assert int(model.optimizer.iterations.numpy()) == 30
    np.testing.assert_array_equal(model.optimizer.variables[2].numpy(), np.full_like(W1, 0.5))
    np.testing.assert_array_equal(model.layers[1].seed_generator.state.numpy(), [5, 0])
    assert model.get_compile_config()["metrics"] == ["accuracy"]


def test_kerax_h5_follows_keras_2_whole_model_layout(tmp_path):
    model = functional_model()
    model.compile(kerax.optimizers.SGD(0.1, momentum=0.9), "mse")
    model.fit(x, EXPECTED, epochs=1, verbose=0)
    model.save(str(tmp_path / "m.h5"))
    with h5py.File(tmp_path / "m.h5", "r") as f:
        config = json.loads(f.attrs["model_config"])
        assert config["class_name"] == "Functional" and config["backend"] == "jax"
        assert json.loads(f.attrs["training_config"])["optimizer_config"]["class_name"] == "SGD"
        weights = f["model_weights"]
        assert [n.decode() for n in weights.attrs["layer_names"]] == ["input_1", "hidden", "out"]
        assert [n.decode() for n in weights["out"].attrs["weight_names"]] == ["out/kernel:0", "out/bias:0"]
        np.testing.assert_array_equal(weights["out"]["out/kernel:0"][()], model.layers[2].kernel.numpy())
        optimizer_names = [n.decode() for n in f["optimizer_weights"].attrs["weight_names"]]
        assert [n.lower() for n in optimizer_names[:2]] == ["sgd/iteration", "sgd/learning_rate"]
        assert len(optimizer_names) == 6


def test_kerax_keras_archive_follows_keras_3_layout(tmp_path):
    model = functional_model()
    model.compile("adam", "mse")
    model.fit(x, EXPECTED, epochs=1, verbose=0)
    model.save(str(tmp_path / "m.keras"))
    with zipfile.ZipFile(tmp_path / "m.keras") as archive:
        assert sorted(archive.namelist()) == ["config.json", "metadata.json", "model.weights.h5"]
        config = json.loads(archive.read("config.json"))
        assert (config["module"], config["class_name"]) == ("keras.src.models.functional", "Functional")
        assert config["config"]["layers"][1]["module"] == "keras.layers"
        assert config["compile_config"]["optimizer"]["class_name"] == "Adam"
        assert "keras_version" in json.loads(archive.read("metadata.json"))
        (tmp_path / "w.h5").write_bytes(archive.read("model.weights.h5"))
    with h5py.File(tmp_path / "w.h5", "r") as f:
        assert "layers/input_layer/vars" in f
        np.testing.assert_array_equal(f["layers/dense/vars/0"][()], model.layers[1].kernel.numpy())
        np.testing.assert_array_equal(f["layers/dense_1/vars/1"][()], model.layers[2].bias.numpy())
        assert f["optimizer/vars/0"][()] == 1 and len(f["optimizer/vars"]) == 2 + 2 * 4
