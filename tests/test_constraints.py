import json

import numpy as np
import pytest

from kerax import backend, constraints

EPSILON = 1e-7
W = np.random.default_rng(0).normal(scale=2.0, size=(5, 4)).astype("float32")


def np_norms(w, axis):
    return np.sqrt(np.sum(np.square(w), axis=axis, keepdims=True))


@pytest.mark.parametrize("axis", [0, 1])
def test_max_norm(axis):
    norms = np_norms(W, axis)
    expected = W * np.clip(norms, 0, 2.0) / (EPSILON + norms)
    out = np.asarray(constraints.max_norm(2.0, axis=axis)(W))
    np.testing.assert_allclose(out, expected, rtol=1e-5)
    assert np.all(np_norms(out, axis) <= 2.0 + 1e-5)


def test_max_norm_conv_kernel_axis_list():
    kernel = np.random.default_rng(1).normal(size=(3, 3, 2, 4)).astype("float32")
    norms = np_norms(kernel, (0, 1, 2))
    expected = kernel * np.clip(norms, 0, 1.5) / (EPSILON + norms)
    out = constraints.MaxNorm(1.5, axis=[0, 1, 2])(kernel)
    np.testing.assert_allclose(np.asarray(out), expected, rtol=1e-5)


def test_non_neg():
    np.testing.assert_array_equal(np.asarray(constraints.non_neg()(W)), np.where(W >= 0, W, 0))


@pytest.mark.parametrize("axis", [0, 1])
def test_unit_norm(axis):
    out = np.asarray(constraints.unit_norm(axis=axis)(W))
    np.testing.assert_allclose(out, W / (EPSILON + np_norms(W, axis)), rtol=1e-5)
    np.testing.assert_allclose(np_norms(out, axis), 1.0, rtol=1e-5)


@pytest.mark.parametrize("rate", [1.0, 0.3])
def test_min_max_norm(rate):
    norms = np_norms(W, 0)
    desired = rate * np.clip(norms, 1.0, 2.5) + (1 - rate) * norms
    out = constraints.min_max_norm(min_value=1.0, max_value=2.5, rate=rate)(W)
    np.testing.assert_allclose(np.asarray(out), W * desired / (EPSILON + norms), rtol=1e-5)


def test_accepts_a_variable():
    variable = backend.Variable(W)
    variable.assign(constraints.NonNeg()(variable))
    np.testing.assert_array_equal(variable.numpy(), np.maximum(W, 0))


@pytest.mark.parametrize("instance", [
    constraints.MaxNorm(3.0, axis=1), constraints.NonNeg(), constraints.UnitNorm(axis=[0, 1]),
    constraints.MinMaxNorm(0.5, 1.5, rate=0.5, axis=1),
], ids=lambda c: type(c).__name__)
def test_config_round_trip(instance):
    config = instance.get_config()
    assert json.loads(json.dumps(config)) == config
    assert type(instance).from_config(config).get_config() == config
    restored = constraints.get(json.loads(json.dumps(constraints.serialize(instance))))
    assert type(restored) is type(instance) and restored.get_config() == config


def test_configs_match_keras():
    assert constraints.MaxNorm().get_config() == {"max_value": 2, "axis": 0}
    assert constraints.UnitNorm().get_config() == {"axis": 0}
    assert constraints.MinMaxNorm().get_config() == {
        "min_value": 0.0, "max_value": 1.0, "rate": 1.0, "axis": 0}
    assert constraints.NonNeg().get_config() == {}


@pytest.mark.parametrize("name,cls", [
    ("max_norm", constraints.MaxNorm), ("MaxNorm", constraints.MaxNorm), ("maxnorm", constraints.MaxNorm),
    ("non_neg", constraints.NonNeg), ("nonneg", constraints.NonNeg), ("unit_norm", constraints.UnitNorm),
    ("min_max_norm", constraints.MinMaxNorm),
])
def test_get_by_name(name, cls):
    assert type(constraints.get(name)) is cls


def test_get_class_instance_callable_none():
    assert constraints.get(None) is None
    assert type(constraints.get(constraints.NonNeg)) is constraints.NonNeg
    instance = constraints.max_norm(2.0)
    assert constraints.get(instance) is instance

    def clip(w):
        return w

    assert constraints.get(clip) is clip


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match="Unknown constraint: 'max_nrom'") as info:
        constraints.get("max_nrom")
    assert "Did you mean 'max_norm'" in str(info.value) and "Valid names:" in str(info.value)
    assert "unit_norm" in str(info.value)
