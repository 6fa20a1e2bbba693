"""Architectures as configs: Keras's JSON/YAML schema, Functional and Sequential `get_config`/`from_config`,
configs written by Keras 2, custom objects, and the safety rules (no code from files in safe mode, safe
YAML only)."""
import json
import warnings

import numpy as np
import pytest

import kerax
from kerax import layers

x = np.random.default_rng(0).random((4, 6)).astype("float32")


def same_predictions(a, b):
    pa, pb = a.predict(x, verbose=0), b.predict(x, verbose=0)
    for one, other in zip(pa if isinstance(pa, list) else [pa], pb if isinstance(pb, list) else [pb]):
        np.testing.assert_allclose(one, other, rtol=1e-6)


def copy_with_weights(model, restored):
    restored.set_weights(model.get_weights())
    return restored


def two_output_model():
    inputs = kerax.Input((6,), name="features")
    shared = layers.Dense(6, activation="relu", name="shared")
    hidden = shared(shared(inputs))  # one layer called twice: nodes 0 and 1
    first = layers.Dense(3, name="first")(hidden)
    second = layers.Dense(2, activation="softmax", name="second")(hidden * 2.0)
    return kerax.Model(inputs, [first, second], name="two_outputs")


def test_functional_config_in_keras_format():
    model = two_output_model()
    config = model.get_config()
    assert set(config) >= {"name", "layers", "input_layers", "output_layers"}
    shared = next(layer for layer in config["layers"] if layer["name"] == "shared")
    assert shared["class_name"] == "Dense" and len(shared["inbound_nodes"]) == 2
    second_call = shared["inbound_nodes"][1]["args"][0]
    assert second_call["class_name"] == "__keras_tensor__"
    assert second_call["config"]["keras_history"] == ["shared", 0, 0]
    assert config["input_layers"] == ["features", 0, 0]
    assert config["output_layers"] == [["first", 0, 0], ["second", 0, 0]]
    assert json.loads(json.dumps(config)) == config


def test_functional_round_trip_through_json():
    model = two_output_model()
    restored = kerax.models.model_from_json(model.to_json())
    assert restored.get_config() == model.get_config()
    assert [layer.name for layer in restored.layers] == [layer.name for layer in model.layers]
    same_predictions(model, copy_with_weights(model, restored))


@pytest.mark.parametrize("filename", ["nested.keras", "nested.h5"])
def test_nested_sequential_inside_functional_round_trips(tmp_path, filename):
    inner = kerax.Sequential([layers.Dense(4, activation="relu", input_shape=(6,)), layers.Dense(2)],
                             name="inner")
    inputs = kerax.Input((6,))
    model = kerax.Model(inputs, layers.Activation("softmax")(inner(inputs)))
    model.save(str(tmp_path / filename))
    restored = kerax.models.load_model(str(tmp_path / filename))
    assert type(restored.layers[1]).__name__ == "Sequential"
    same_predictions(model, restored)


def test_sequential_config_starts_with_input_layer_like_keras_3():
    model = kerax.Sequential([layers.Dense(4, input_shape=(6,)), layers.Dropout(0.5), layers.Dense(2)])
    config = model.get_config()
    assert [layer["class_name"] for layer in config["layers"]] == ["InputLayer", "Dense", "Dropout", "Dense"]
    assert config["layers"][0]["config"]["batch_shape"] == [None, 6]
    assert "batch_input_shape" not in config["layers"][1]["config"]  # Keras 3 would refuse it
    restored = kerax.Sequential.from_config(json.loads(json.dumps(config)))
    assert restored.get_config() == config


def test_json_and_yaml_use_keras_schema():
    model = kerax.Sequential([layers.Dense(3, input_shape=(6,), kernel_initializer="he_normal")])
    parsed = json.loads(model.to_json())
    assert parsed["class_name"] == "Sequential" and parsed["backend"] == "jax" and parsed["keras_version"]
    dense = parsed["config"]["layers"][1]
    assert dense["module"] == "keras.layers"
    assert dense["config"]["kernel_initializer"]["class_name"] == "HeNormal"
    assert dense["config"]["kernel_initializer"]["module"] == "keras.initializers"
    yaml_string = model.to_yaml()
    assert "class_name: Sequential" in yaml_string
    assert kerax.models.model_from_yaml(yaml_string).get_config() == model.get_config()


def test_yaml_is_parsed_with_the_safe_loader():
    hostile = "!!python/object/apply:os.system ['echo hacked']\n"
    with pytest.raises(ValueError, match="safe loader"):
        kerax.models.model_from_yaml(hostile)


# The JSON that seed 003 shows tf.keras 2.1.6 writing (TF1-era initializers carry a dtype).
SEED_003_JSON = (
    '{"backend": "tensorflow", "keras_version": "2.1.6-tf", "config": {"name": "sequential_3", '
    '"layers": [{"config": {"units": 64, "kernel_regularizer": null, "activation": "relu", '
    '"bias_constraint": null, "trainable": true, "use_bias": true, '
    '"bias_initializer": {"config": {"dtype": "float32"}, "class_name": "Zeros"}, '
    '"activity_regularizer": null, "dtype": null, "kernel_constraint": null, '
    '"kernel_initializer": {"config": {"mode": "fan_avg", "seed": null, "distribution": "uniform", '
    '"scale": 1.0, "dtype": "float32"}, "class_name": "VarianceScaling"}, "name": "dense_17", '
    '"bias_regularizer": null}, "class_name": "Dense"}, {"config": {"units": 10, '
    '"kernel_regularizer": null, "activation": "softmax", "bias_constraint": null, "trainable": true, '
    '"use_bias": true, "bias_initializer": {"config": {"dtype": "float32"}, "class_name": "Zeros"}, '
    '"activity_regularizer": null, "dtype": null, "kernel_constraint": null, '
    '"kernel_initializer": {"config": {"mode": "fan_avg", "seed": null, "distribution": "uniform", '
    '"scale": 1.0, "dtype": "float32"}, "class_name": "VarianceScaling"}, "name": "dense_18", '
    '"bias_regularizer": null}, "class_name": "Dense"}]}, "class_name": "Sequential"}'
)


def test_tf_keras_2_json_from_seed_003_loads():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing in this file deserves a warning
        model = kerax.models.model_from_json(SEED_003_JSON)
    assert [layer.name for layer in model.layers] == ["dense_17", "dense_18"]
    model.build((None, 32))
    assert model.output_shape == (None, 10)
    init = model.layers[0].kernel_initializer.get_config()
    assert (init["mode"], init["distribution"]) == ("fan_avg", "uniform")


def keras2_dense(name, units, activation="linear", **extra):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation,
        "use_bias": True, "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None,
        "bias_constraint": None, **extra}}


def test_keras_2_functional_config_with_list_nodes_and_a_shared_layer():
    shared = keras2_dense("shared", 6, "relu")
    config = {"class_name": "Model", "config": {"name": "model", "layers": [
        {"class_name": "InputLayer", "name": "input_1", "inbound_nodes": [], "config": {
            "batch_input_shape": [None, 6], "dtype": "float32", "sparse": False, "ragged": False,
            "name": "input_1"}},
        {**shared, "name": "shared", "inbound_nodes": [[["input_1", 0, 0, {}]], [["shared", 0, 0, {}]]]},
        {**keras2_dense("out", 2), "name": "out", "inbound_nodes": [[["shared", 1, 0, {}]]]},
    ], "input_layers": [["input_1", 0, 0]], "output_layers": [["out", 0, 0]]}}
    model = kerax.models.model_from_config(config)
    weights = [w + 0.1 for w in model.get_weights()]
    model.set_weights(weights)
    k1, b1, k2, b2 = weights
    hidden = np.maximum(np.maximum(x @ k1 + b1, 0) @ k1 + b1, 0)
    np.testing.assert_allclose(model.predict(x, verbose=0), hidden @ k2 + b2, rtol=1e-5)


def test_keras_2_sequential_configs_batch_input_shape_and_bare_list():
    first = keras2_dense("d1", 4, "relu", batch_input_shape=[None, 6])
    model = kerax.models.model_from_config({"class_name": "Sequential", "config": {
        "name": "s", "layers": [first, keras2_dense("d2", 2)]}})
    assert model.input_shape == (None, 6) and model.output_shape == (None, 2)
    old = kerax.models.model_from_config({"class_name": "Sequential",
                                          "config": [first, keras2_dense("d2", 2)]})
    assert [layer.name for layer in old.layers] == ["d1", "d2"]


def test_unknown_arguments_of_other_keras_versions_are_dropped_with_a_warning():
    quiet = keras2_dense("d1", 4, batch_input_shape=[None, 6], quantization_config=None, time_major=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kerax.models.model_from_config({"class_name": "Sequential", "config": {"layers": [quiet]}})
    noisy = keras2_dense("d1", 4, batch_input_shape=[None, 6], groups=2)
    with pytest.warns(UserWarning, match=r"Dense \"d1\": ignoring argument\(s\) \['groups'\]"):
        model = kerax.models.model_from_config({"class_name": "Sequential", "config": {"layers": [noisy]}})
    assert model.layers[0].units == 4


def test_unknown_layer_class_names_the_way_out():
    config = {"class_name": "Sequential", "config": {"layers": [{"class_name": "Densse", "config": {}}]}}
    with pytest.raises(ValueError, match="Unknown layer: 'Densse'. Did you mean 'Dense'"):
        kerax.models.model_from_config(config)


def test_registered_custom_layer_round_trips():
    @kerax.saving.register_keras_serializable(package="Tests")
    class Scale(layers.Layer):
        def __init__(self, factor=2.0, **kwargs):
            super().__init__(**kwargs)
            self.factor = factor

        def call(self, inputs):
            return inputs * self.factor

        def get_config(self):
            return {**super().get_config(), "factor": self.factor}

    model = kerax.Sequential([layers.Dense(2, input_shape=(6,)), Scale(3.0)])
    parsed = json.loads(model.to_json())
    assert parsed["config"]["layers"][2]["registered_name"] == "Tests>Scale"
    restored = copy_with_weights(model, kerax.models.model_from_json(model.to_json()))
    assert isinstance(restored.layers[1], Scale) and restored.layers[1].factor == 3.0
    same_predictions(model, restored)
    assert kerax.utils.register_keras_serializable is kerax.saving.register_keras_serializable


def test_lambda_bytecode_is_refused_in_safe_mode(tmp_path):
    model = kerax.Sequential([layers.Dense(2, input_shape=(6,)), layers.Lambda(lambda t: t * 3.0)])
    path = str(tmp_path / "m.keras")
    model.save(path)
    with pytest.raises(ValueError, match="safe_mode=False"):
        kerax.models.load_model(path)
    with pytest.raises(ValueError, match="safe_mode=False"):
        kerax.models.model_from_json(model.to_json())
    restored = kerax.models.load_model(path, safe_mode=False)
    k, b = model.get_weights()
    np.testing.assert_allclose(restored.predict(x, verbose=0), (x @ k + b) * 3.0, rtol=1e-5, atol=1e-6)


def test_lambda_with_named_function_needs_custom_objects_not_unsafe_mode(tmp_path):
    def triple(t):
        return t * 3.0

    model = kerax.Sequential([layers.Dense(2, input_shape=(6,)), layers.Lambda(triple)])
    restored = kerax.models.model_from_json(model.to_json(), custom_objects={"triple": triple})
    assert restored.layers[1].function is triple


def test_keras_2_lambda_config_needs_unsafe_mode_and_then_runs():
    import base64
    import marshal

    code = base64.encodebytes(marshal.dumps((lambda t: t + 1.0).__code__)).decode("ascii")
    lambda_config = {"class_name": "Lambda", "config": {
        "name": "lambda", "trainable": True, "dtype": "float32", "function": [code, None, None],
        "function_type": "lambda", "module": "__main__", "output_shape": None, "output_shape_type": "raw",
        "output_shape_module": None, "arguments": {}}}
    config = {"class_name": "Sequential", "config": {"layers": [
        keras2_dense("d1", 2, batch_input_shape=[None, 6]), lambda_config]}}
    with pytest.raises(ValueError, match="safe_mode=False"):
        kerax.models.model_from_config(config)
    with pytest.warns(UserWarning, match="function_type"):
        model = kerax.models.model_from_config(config, safe_mode_enabled=False)
    k, b = model.get_weights()
    np.testing.assert_allclose(model.predict(x, verbose=0), x @ k + b + 1.0, rtol=1e-5, atol=1e-6)


@kerax.saving.register_keras_serializable(package="Tests")
class Residual(kerax.Model):
    def __init__(self, units=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units
        self.inner = layers.Dense(units, activation="tanh")
        self.head = layers.Dense(2)

    def call(self, inputs):
        hidden = self.inner(inputs)
        return self.head(kerax.ops.concatenate([hidden, inputs], axis=-1))

    def get_config(self):
        return {**super().get_config(), "units": self.units}


def test_subclassed_model_with_get_config_saves_whole(tmp_path):
    model = Residual(units=4, name="residual")
    expected = model(x)
    model.save(str(tmp_path / "residual.keras"))
    restored = kerax.models.load_model(str(tmp_path / "residual.keras"))
    assert isinstance(restored, Residual) and restored.units == 4
    np.testing.assert_allclose(restored.predict(x, verbose=0), np.asarray(expected), rtol=1e-5, atol=1e-6)
