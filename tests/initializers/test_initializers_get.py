import json

import pytest

from kerax import initializers

INSTANCES = [
    initializers.Zeros(), initializers.Ones(), initializers.Constant(2.5), initializers.Identity(gain=3.0),
    initializers.RandomNormal(0.5, 2.0, seed=1), initializers.RandomUniform(-1.0, 1.0, seed=2),
    initializers.TruncatedNormal(0.0, 0.1), initializers.Orthogonal(gain=2.0, seed=3),
    initializers.VarianceScaling(2.0, "fan_out", "uniform", seed=4), initializers.GlorotUniform(seed=5),
    initializers.GlorotNormal(), initializers.HeUniform(), initializers.HeNormal(seed=6),
    initializers.LecunUniform(), initializers.LecunNormal(),
]


@pytest.mark.parametrize("instance", INSTANCES, ids=lambda i: type(i).__name__)
def test_config_round_trip(instance):
    config = instance.get_config()
    assert json.loads(json.dumps(config)) == config
    clone = type(instance).from_config(config)
    assert type(clone) is type(instance) and clone.get_config() == config
    restored = initializers.get(json.loads(json.dumps(initializers.serialize(instance))))
    assert type(restored) is type(instance) and restored.get_config() == config


def test_configs_match_keras():
    assert initializers.GlorotUniform().get_config() == {"seed": None}
    assert initializers.Constant(2.0).get_config() == {"value": 2.0}
    assert initializers.Zeros().get_config() == {}
    assert initializers.Identity().get_config() == {"gain": 1.0}
    assert initializers.serialize(initializers.HeNormal(seed=1)) == {
        "module": "keras.initializers", "class_name": "HeNormal", "config": {"seed": 1}, "registered_name": "HeNormal"}


@pytest.mark.parametrize("name,cls", [
    ("glorot_uniform", initializers.GlorotUniform), ("glorot_normal", initializers.GlorotNormal),
    ("he_normal", initializers.HeNormal), ("he_uniform", initializers.HeUniform),
    ("lecun_normal", initializers.LecunNormal), ("lecun_uniform", initializers.LecunUniform),
    ("zeros", initializers.Zeros), ("zero", initializers.Zeros), ("ones", initializers.Ones),
    ("one", initializers.Ones), ("constant", initializers.Constant), ("uniform", initializers.RandomUniform),
    ("random_uniform", initializers.RandomUniform), ("normal", initializers.RandomNormal),
    ("random_normal", initializers.RandomNormal), ("truncated_normal", initializers.TruncatedNormal),
    ("orthogonal", initializers.Orthogonal), ("identity", initializers.Identity),
    ("variance_scaling", initializers.VarianceScaling), ("GlorotUniform", initializers.GlorotUniform),
    ("OrthogonalInitializer", initializers.Orthogonal),
])
def test_get_by_name_gives_a_new_instance(name, cls):
    first, second = initializers.get(name), initializers.get(name)
    assert type(first) is cls and first is not second


def test_lowercase_aliases_are_the_classes():
    assert initializers.constant is initializers.Constant
    assert initializers.glorot_uniform is initializers.GlorotUniform
    assert initializers.he_normal(seed=3).get_config() == {"seed": 3}
    assert initializers.zeros is initializers.zero is initializers.Zeros


def test_get_class_instance_callable_and_none():
    assert initializers.get(None) is None
    assert type(initializers.get(initializers.Orthogonal)) is initializers.Orthogonal
    instance = initializers.Constant(1.0)
    assert initializers.get(instance) is instance

    def custom(shape, dtype=None):
        return None

    assert initializers.get(custom) is custom


def test_get_tf_keras_config_with_dtype():
    config = {"class_name": "VarianceScaling",
              "config": {"scale": 2.0, "mode": "fan_avg", "distribution": "normal", "seed": None,
                         "dtype": "float32"}}
    init = initializers.get(config)
    assert type(init) is initializers.VarianceScaling
    assert init.get_config() == {"scale": 2.0, "mode": "fan_avg", "distribution": "truncated_normal",
                                 "seed": None}
    glorot = initializers.get({"class_name": "GlorotUniform", "config": {"seed": None, "dtype": "float32"}})
    assert type(glorot) is initializers.GlorotUniform


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match="Unknown initializer: 'glorot'") as info:
        initializers.get("glorot")
    message = str(info.value)
    assert "Did you mean 'glorot_normal', 'glorot_uniform'" in message
    assert "Valid names:" in message and "he_normal" in message and "orthogonal" in message


def test_uninterpretable_identifier():
    with pytest.raises(ValueError, match="Could not interpret initializer identifier: 3"):
        initializers.get(3)


def test_base_initializer_must_be_subclassed():
    with pytest.raises(NotImplementedError, match="must implement __call__"):
        initializers.Initializer()((2,))
