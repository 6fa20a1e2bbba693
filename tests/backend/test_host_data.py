"""The one rule for host data -> tensors (kerax/backend/common/host_data.py), case by case, and that every
entry point (ops, Variables, fit's data) follows it."""
import numpy as np
import pytest

import kerax
from kerax import backend, ops
from kerax.backend.common import host_data

CASES = [
    (1.5, "float32"),
    (3, "int32"),
    (True, "bool"),
    ([1, 2, 3], "int32"),
    ([1.0, 2], "float32"),
    ([True, False], "bool"),
    (np.zeros(2, np.float64), "float32"),
    (np.zeros(2, np.float32), "float32"),
    (np.zeros(2, np.float16), "float16"),
    (np.zeros(2, np.int64), "int32"),
    (np.zeros(2, np.int8), "int8"),
    (np.zeros(2, np.uint8), "uint8"),
    (np.zeros(2, bool), "bool"),
]


@pytest.mark.parametrize("value, expected", CASES)
def test_dtype_rule(value, expected):
    assert host_data.host_dtype(value) == expected
    assert backend.standardize_dtype(ops.convert_to_tensor(value).dtype) == expected
    assert host_data.to_host_array(value).dtype == np.dtype(expected)


def test_variables_follow_the_rule():
    assert backend.Variable(np.ones(3)).dtype == "float32"
    assert backend.Variable(np.ones(3, np.int64)).dtype == "int32"


@pytest.mark.parametrize("value", [np.array(["a", "b"]), np.array([object(), 1], dtype=object)])
def test_strings_and_objects_are_a_clear_error(value):
    with pytest.raises(TypeError, match="expected numbers.*Convert strings"):
        host_data.to_host_array(value, "x")
    with pytest.raises(TypeError, match="expected numbers"):
        ops.convert_to_tensor(value)


def test_int64_beyond_int32_is_an_error_not_a_wraparound():
    with pytest.raises(ValueError, match=r"y holds the integer 4294967301, which does not fit in int32"):
        host_data.to_host_array(np.array([1, 2**32 + 5], np.int64), "y")


def test_float64_floatx_keeps_64_bits(monkeypatch):
    # Not set_floatx("float64"): that turns on the engine's 64-bit mode for the whole test process.
    monkeypatch.setattr(backend.config, "floatx", lambda: "float64")
    assert host_data.host_dtype(np.zeros(2)) == "float64"
    assert host_data.host_dtype(7) == "int64"


def test_fit_data_follows_the_rule():
    model = kerax.Sequential([kerax.Input((2,)), kerax.layers.Dense(1)])
    model.compile("sgd", "mse")
    x, y = np.ones((4, 2), np.float64), [[0.5], [1.0], [0.0], [2.0]]  # y as a plain list of floats
    history = model.fit(x, y, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])
