"""Config, data packing, get_source_inputs, the dtype/tensor helpers and the serialization names in utils."""
import json

import numpy as np
import pytest

import kerax
from kerax import activations, layers, utils


def test_config_attribute_and_item_access_freeze_and_json():
    config = utils.Config(learning_rate=0.1, momentum=0.9)
    config.use_ema = True
    config["seed"] = 123
    assert config.seed == 123 and config["learning_rate"] == 0.1 and "use_ema" in config
    assert list(config) == ["learning_rate", "momentum", "seed", "use_ema"] and len(config) == 4
    expected = {"learning_rate": 0.1, "momentum": 0.9, "use_ema": True, "seed": 123}
    assert json.loads(config.to_json()) == expected
    as_dict = config.as_dict()
    as_dict["extra"] = 1
    assert "extra" not in config
    config.freeze()
    assert config.frozen
    for mutate in (lambda: setattr(config, "foo", 1), lambda: config.__setitem__("foo", 1),
                   lambda: config.pop("seed"), lambda: config.update(a=1),
                   lambda: config.__delitem__("seed")):
        with pytest.raises(ValueError, match="frozen"):
            mutate()
    config.unfreeze()
    del config["seed"]
    assert config.get("seed", "gone") == "gone"
    with pytest.raises(AttributeError, match="Unknown attribute: 'momentun'. Did you mean 'momentum'?"):
        config.momentun


def test_pack_and_unpack_x_y_sample_weight():
    x, y, w = np.ones(3), np.zeros(3), np.full(3, 2.0)
    assert utils.pack_x_y_sample_weight(x) is x
    assert utils.pack_x_y_sample_weight([x, y]) == ([x, y],)
    assert utils.pack_x_y_sample_weight(x, y) == (x, y)
    assert utils.pack_x_y_sample_weight(x, y, w) == (x, y, w)
    assert utils.unpack_x_y_sample_weight((x,)) == (x, None, None)
    assert utils.unpack_x_y_sample_weight([x, y]) == (x, y, None)
    assert utils.unpack_x_y_sample_weight(x)[0] is x
    with pytest.raises(ValueError):
        utils.unpack_x_y_sample_weight((x, y, w, w))


def test_get_source_inputs_walks_back_to_the_inputs():
    a, b = layers.Input((3,)), layers.Input((2,))
    hidden = layers.Dense(4)(a)
    out = layers.Dense(1)(layers.Concatenate()([hidden, b, hidden]))
    sources = utils.get_source_inputs(out)
    assert len(sources) == 2 and sources[0] is a and sources[1] is b
    assert utils.get_source_inputs(a)[0] is a
    array = np.ones(2)
    assert utils.get_source_inputs(array) is array


def test_dtype_tensor_and_session_helpers():
    assert utils.standardize_dtype(np.float32) == "float32" and utils.standardize_dtype("float") == "float32"
    assert utils.is_keras_tensor(layers.Input((2,))) and not utils.is_keras_tensor(np.ones(2))
    assert layers.Dense(1).name == "dense" and layers.Dense(1).name == "dense_1"
    utils.clear_session()
    assert layers.Dense(1).name == "dense"


@utils.register_keras_serializable(package="DataTextTest")
class Scale(layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, x):
        return x * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


def test_serialization_names_round_trip_builtin_and_registered_objects():
    config = utils.serialize_keras_object(layers.Dense(3, activation="relu"))
    assert config["module"] == "keras.layers" and config["class_name"] == "Dense"
    dense = utils.deserialize_keras_object(config)
    assert isinstance(dense, layers.Dense) and dense.units == 3 and dense.activation is activations.relu
    scale = utils.deserialize_keras_object(utils.serialize_keras_object(Scale(5.0)))
    assert isinstance(scale, Scale) and scale.factor == 5.0
    assert utils.get_registered_name(Scale) == "DataTextTest>Scale"
    assert utils.get_registered_object("DataTextTest>Scale") is Scale
    assert utils.get_registered_object("nothing") is None
    assert utils.get_registered_object("x", module_objects={"x": len}) is len
    with utils.custom_object_scope({"Mine": Scale}):
        assert utils.get_registered_object("Mine") is Scale
    assert utils.get_registered_object("Mine") is None
    assert utils.CustomObjectScope is utils.custom_object_scope
    assert "DataTextTest>Scale" in utils.get_custom_objects()


def test_deserialize_keras_object_functions_names_and_plain_values():
    relu = {"module": "keras.activations", "class_name": "function", "config": "relu",
            "registered_name": "relu"}
    assert utils.deserialize_keras_object(relu) is activations.relu
    by_name = utils.deserialize_keras_object("relu", module_objects={"relu": activations.relu})
    assert by_name is activations.relu
    assert utils.deserialize_keras_object("unknown_name") == "unknown_name"
    assert utils.deserialize_keras_object([1, None, "a"]) == [1, None, "a"]
    assert utils.deserialize_keras_object({"a": 1.5}) == {"a": 1.5}
    with pytest.raises(ValueError, match="Unknown object: 'NoSuchLayer'"):
        utils.deserialize_keras_object({"module": "keras.layers", "class_name": "NoSuchLayer", "config": {}})
