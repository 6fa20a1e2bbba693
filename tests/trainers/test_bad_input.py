"""Labels and ids a model cannot use are errors that name the value, whichever way the data comes in."""
import numpy as np
import pytest

import kerax
from kerax import layers, losses

BEYOND_INT32 = 2**40


def _classifier(classes=10):
    model = kerax.Sequential([kerax.Input((3,)), layers.Dense(classes, activation="softmax")])
    model.compile("sgd", "sparse_categorical_crossentropy")
    return model


def test_a_sparse_label_out_of_range_stops_fit_naming_the_label():
    model = _classifier()
    before = [w.numpy() for w in model.weights]
    with pytest.raises(ValueError, match=r"received the label 10, outside the valid range \[0, 10\)"):
        model.fit(np.zeros((4, 3), "float32"), np.array([1, 2, 10, 3]), verbose=0)
    with pytest.raises(ValueError, match=r"the label -1, outside"):
        model.evaluate(np.zeros((4, 3), "float32"), np.array([1, -1, 2, 3]), verbose=0)
    model.fit(np.zeros((4, 3), "float32"), np.array([1, 2, 9, 3]), verbose=0)  # the model still trains
    assert any(not np.allclose(b, w.numpy()) for b, w in zip(before, model.weights))


def test_the_loss_function_checks_labels_outside_a_model_too():
    with pytest.raises(ValueError, match="label 3, outside the valid range"):
        losses.sparse_categorical_crossentropy(np.array([0, 3]), np.full((2, 3), 1 / 3, "float32"))
    # ignore_class is no class index, and is not an error
    loss = losses.sparse_categorical_crossentropy(np.array([0, -1]), np.full((2, 3), 1 / 3, "float32"),
                                                  ignore_class=-1)
    np.testing.assert_allclose(np.asarray(loss), [np.log(3), 0.0], rtol=1e-6)


def test_int64_sparse_labels_beyond_int32_are_refused_not_wrapped():
    model = _classifier()
    labels = np.array([1, 2, BEYOND_INT32, 3], dtype="int64")
    with pytest.raises(ValueError, match=f"y holds the integer {BEYOND_INT32}, which does not fit in int32"):
        model.fit(np.zeros((4, 3), "float32"), labels, verbose=0)


@pytest.mark.parametrize("how", ["predict", "call", "fit", "predict_on_batch"])
def test_int64_embedding_ids_beyond_int32_are_refused_whichever_way_they_come(how):
    model = kerax.Sequential([kerax.Input((2,), dtype="int32"), layers.Embedding(10, 2), layers.Flatten(),
                              layers.Dense(1)])
    model.compile("sgd", "mse")
    ids = np.array([[1, BEYOND_INT32]], dtype="int64")
    # Wrapped to int32, 2**40 would become id 0: a silently wrong row.
    with pytest.raises(ValueError, match=f"holds the integer {BEYOND_INT32}, which does not fit in int32"):
        if how == "predict":
            model.predict(ids, verbose=0)
        elif how == "call":
            model(ids)
        elif how == "fit":
            model.fit(ids, np.zeros((1, 1), "float32"), verbose=0)
        else:
            model.predict_on_batch(ids)
