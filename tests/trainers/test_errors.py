"""Bad input gets a clear error before any computation."""
import numpy as np
import pytest

import kerax
from kerax import layers


def _model():
    return kerax.Sequential([layers.Dense(2, input_shape=(3,))])


def test_fit_before_compile():
    with pytest.raises(RuntimeError, match=r"compile your model before training.*model.compile"):
        _model().fit(np.zeros((4, 3)), np.zeros((4, 2)))


def test_evaluate_before_compile():
    with pytest.raises(RuntimeError, match="compile your model before evaluating"):
        _model().evaluate(np.zeros((4, 3)), np.zeros((4, 2)))


@pytest.mark.parametrize("kind, make", [
    ("loss", lambda m: m.compile("adam", loss="mean_squard_error")),
    ("optimizer", lambda m: m.compile("adamm", loss="mse")),
    ("metric", lambda m: m.fit(np.zeros((4, 3)), np.zeros((4, 2)), verbose=0) if m.compile(
        "adam", "mse", metrics=["accurasy"]) is None else None),
    ("activation", lambda m: layers.Dense(3, activation="relux")),
])
def test_unknown_names_list_the_valid_ones(kind, make):
    with pytest.raises(ValueError, match=rf"Unknown {kind}.*Valid names: .*"):
        make(_model())


def test_unknown_loss_suggests_the_close_name():
    with pytest.raises(ValueError, match="Did you mean 'mean_squared_error'"):
        _model().compile("adam", loss="mean_squard_error")


def test_mismatched_x_and_y_lengths():
    model = _model()
    model.compile("adam", "mse")
    with pytest.raises(ValueError, match="x has 10, y has 9"):
        model.fit(np.zeros((10, 3)), np.zeros((9, 2)), verbose=0)


def test_dict_key_matching_no_output():
    inputs = kerax.Input((3,), name="features")
    out = layers.Dense(1, name="price")(inputs)
    model = kerax.Model(inputs, out)
    with pytest.raises(ValueError, match=r"keys \['prise'\] that match no model output.*\['price'\]"):
        model.compile("adam", loss={"prise": "mse"})
        model.fit(np.zeros((4, 3)), np.zeros((4, 1)), verbose=0)


def test_dict_key_matching_no_input():
    inputs = kerax.Input((3,), name="features")
    model = kerax.Model(inputs, layers.Dense(1)(inputs))
    model.compile("adam", "mse")
    with pytest.raises(ValueError, match=r"inputs named \['features'\].*Unknown: \['feature'\]"):
        model.fit({"feature": np.zeros((4, 3))}, np.zeros((4, 1)), verbose=0)


def test_non_numeric_array():
    model = _model()
    model.compile("adam", "mse")
    with pytest.raises(TypeError, match=r"x: expected numbers, received an array of dtype <U1.*Convert strings"):
        model.fit(np.array([["a", "b", "c"]] * 4), np.zeros((4, 2)), verbose=0)


def test_wrong_feature_size_names_the_model_and_shapes():
    model = _model()
    model.compile("adam", "mse")
    with pytest.raises(ValueError, match=r"expected shape=\(None, 3\), found shape=\(None, 5\)"):
        model.fit(np.zeros((4, 5)), np.zeros((4, 2)), verbose=0)


def test_compile_without_loss_then_fit():
    model = _model()
    model.compile("adam")
    with pytest.raises(ValueError, match="No loss to compute"):
        model.fit(np.zeros((4, 3)), np.zeros((4, 2)), verbose=0)
