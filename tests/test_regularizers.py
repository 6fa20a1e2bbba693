import json

import numpy as np
import pytest

from kerax import backend, regularizers

W = np.array([[0.5, -1.5, 2.0], [-0.25, 0.0, 3.0]], dtype="float32")


def test_l1_l2_values():
    np.testing.assert_allclose(float(regularizers.l1(0.01)(W)), 0.01 * np.abs(W).sum(), rtol=1e-6)
    np.testing.assert_allclose(float(regularizers.l2(0.01)(W)), 0.01 * np.square(W).sum(), rtol=1e-6)
    np.testing.assert_allclose(float(regularizers.l1_l2(l1=0.02, l2=0.03)(W)),
                               0.02 * np.abs(W).sum() + 0.03 * np.square(W).sum(), rtol=1e-6)


def test_defaults():
    assert regularizers.L1().get_config() == {"l1": 0.01}
    assert regularizers.L2().get_config() == {"l2": 0.01}
    assert regularizers.L1L2().get_config() == {"l1": 0.0, "l2": 0.0}
    assert regularizers.l1_l2().get_config() == {"l1": 0.01, "l2": 0.01}  # tf.keras's shortcut
    assert float(regularizers.L1L2()(W)) == 0.0


def test_accepts_a_variable():
    variable = backend.Variable(W)
    np.testing.assert_allclose(float(regularizers.L2(0.5)(variable)), 0.5 * np.square(W).sum(), rtol=1e-6)


@pytest.mark.parametrize("mode", ["rows", "columns"])
def test_orthogonal_regularizer(mode):
    x = np.random.default_rng(0).normal(size=(4, 6)).astype("float32")
    vectors = x if mode == "rows" else x.T
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    cosines = np.abs(unit @ unit.T)[~np.eye(len(unit), dtype=bool)]
    expected = 0.2 * cosines.mean()  # the mean over distinct pairs; each pair appears twice above
    np.testing.assert_allclose(float(regularizers.OrthogonalRegularizer(0.2, mode)(x)), expected, rtol=1e-5)


def test_orthogonal_regularizer_errors():
    with pytest.raises(ValueError, match="expected 'rows' or 'columns'. Received: 'diagonal'"):
        regularizers.OrthogonalRegularizer(mode="diagonal")
    with pytest.raises(ValueError, match=r"needs a rank-2 input. Received: shape=\(3,\)"):
        regularizers.OrthogonalRegularizer()(np.ones(3))


@pytest.mark.parametrize("value", [-0.1, float("nan"), "0.1"])
def test_invalid_factor(value):
    with pytest.raises(ValueError, match="Invalid value for argument l1: expected a non-negative float"):
        regularizers.L1(value)


@pytest.mark.parametrize("instance", [
    regularizers.L1(0.3), regularizers.L2(0.2), regularizers.L1L2(0.1, 0.4),
    regularizers.OrthogonalRegularizer(0.5, "columns"),
], ids=lambda r: type(r).__name__)
def test_config_round_trip(instance):
    config = instance.get_config()
    assert json.loads(json.dumps(config)) == config
    assert type(instance).from_config(config).get_config() == config
    restored = regularizers.get(json.loads(json.dumps(regularizers.serialize(instance))))
    assert type(restored) is type(instance) and restored.get_config() == config


def test_tf_keras_config():
    restored = regularizers.get({"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.01}})
    np.testing.assert_allclose(float(restored(W)), 0.01 * np.square(W).sum(), rtol=1e-6)


def test_get():
    assert regularizers.get(None) is None
    assert type(regularizers.get("l2")) is regularizers.L2
    assert type(regularizers.get("L1")) is regularizers.L1
    assert type(regularizers.get("l1_l2")) is regularizers.L1L2
    assert type(regularizers.get(regularizers.L2)) is regularizers.L2
    instance = regularizers.l1(0.01)
    assert regularizers.get(instance) is instance

    def custom(x):
        return 0.0

    assert regularizers.get(custom) is custom


def test_unknown_name_lists_valid_names():
    with pytest.raises(ValueError, match="Unknown regularizer: 'l3'") as info:
        regularizers.get("l3")
    assert "Valid names:" in str(info.value) and "l1_l2" in str(info.value)


def test_base_class():
    assert regularizers.Regularizer()(W) == 0.0
    with pytest.raises(NotImplementedError, match="must implement get_config"):
        regularizers.Regularizer().get_config()
