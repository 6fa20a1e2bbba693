"""fit/evaluate/predict checked against mini-batch SGD written in NumPy."""
import numpy as np
import pytest

import kerax
from kerax import layers


def _linear_model(w, b):
    model = kerax.Sequential([layers.Dense(1, input_shape=(w.shape[0],),
                                           kernel_initializer=kerax.initializers.Constant(0.0))])
    model.layers[0].set_weights([w.copy(), b.copy()])
    return model


def _numpy_sgd_epoch(x, y, w, b, lr, batch_size):
    """Keras semantics: batches in order, each batch's loss is the mean over its real samples."""
    losses, sizes = [], []
    for start in range(0, len(x), batch_size):
        xb, yb = x[start:start + batch_size], y[start:start + batch_size]
        err = xb @ w + b - yb
        losses.append(np.mean(err ** 2))
        sizes.append(len(xb))
        grad_w = 2 * xb.T @ err / err.size
        grad_b = 2 * err.sum(axis=0) / err.size
        w, b = w - lr * grad_w, b - lr * grad_b
    return w, b, np.average(losses, weights=sizes)


@pytest.mark.parametrize("steps_per_execution", [None, 1, 2])
def test_sgd_epochs_match_numpy_including_partial_last_batch(rng, steps_per_execution):
    x = rng.normal(size=(10, 3)).astype("float32")
    y = rng.normal(size=(10, 1)).astype("float32")
    w0, b0 = rng.normal(size=(3, 1)).astype("float32"), np.zeros(1, "float32")
    model = _linear_model(w0, b0)
    model.compile(kerax.optimizers.SGD(0.1), "mse", steps_per_execution=steps_per_execution)
    history = model.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0)
    w, b = w0.astype("float64"), b0.astype("float64")
    expected_losses = []
    for _ in range(2):
        w, b, loss = _numpy_sgd_epoch(x.astype("float64"), y.astype("float64"), w, b, 0.1, 4)
        expected_losses.append(loss)
    kernel, bias = model.layers[0].get_weights()
    np.testing.assert_allclose(kernel, w, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(bias, b, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(history.history["loss"], expected_losses, rtol=1e-4)
    assert model.optimizer.iterations.numpy() == 6


def test_evaluate_and_predict_match_numpy(rng):
    x = rng.normal(size=(7, 3)).astype("float32")
    y = rng.normal(size=(7, 1)).astype("float32")
    w, b = rng.normal(size=(3, 1)).astype("float32"), np.array([0.5], "float32")
    model = _linear_model(w, b)
    model.compile("sgd", "mse", metrics=["mae"])
    loss, mae = model.evaluate(x, y, batch_size=3, verbose=0)
    pred = x @ w + b
    np.testing.assert_allclose(loss, np.mean((pred - y) ** 2), rtol=1e-5)
    np.testing.assert_allclose(mae, np.mean(np.abs(pred - y)), rtol=1e-5)
    out = model.predict(x, batch_size=3, verbose=0)
    assert out.shape == (7, 1)
    np.testing.assert_allclose(out, pred, rtol=1e-5, atol=1e-6)
    logs = model.evaluate(x, y, batch_size=3, verbose=0, return_dict=True)
    assert list(logs) == ["loss", "mae"]


def test_predict_needs_no_compile(rng):
    model = kerax.Sequential([layers.Dense(2, input_shape=(3,))])
    x = rng.normal(size=(5, 3)).astype("float32")
    k, b = model.layers[0].get_weights()
    np.testing.assert_allclose(model.predict(x, verbose=0), x @ k + b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(model.predict_on_batch(x), x @ k + b, rtol=1e-5, atol=1e-6)


def test_sample_weight_and_class_weight_scale_the_loss(rng):
    x = rng.normal(size=(6, 2)).astype("float32")
    y = np.array([0, 1, 1, 0, 1, 1])
    w, b = rng.normal(size=(2, 1)).astype("float32"), np.zeros(1, "float32")
    model = _linear_model(w, b)
    model.compile("sgd", "mse")
    err2 = ((x @ w + b)[:, 0] - y) ** 2
    sw = np.array([1, 2, 0, 1, 3, 1], "float32")
    np.testing.assert_allclose(model.evaluate(x, y, sample_weight=sw, batch_size=6, verbose=0),
                               np.sum(err2 * sw) / 6, rtol=1e-5)
    model.compile(kerax.optimizers.SGD(0.0), "mse")
    history = model.fit(x, y, class_weight={0: 1.0, 1: 3.0}, batch_size=6, epochs=1, verbose=0)
    cw = np.where(y == 1, 3.0, 1.0)
    np.testing.assert_allclose(history.history["loss"][0], np.sum(err2 * cw) / 6, rtol=1e-5)


def test_accuracy_is_resolved_from_loss_and_shapes(rng):
    x = rng.normal(size=(20, 4)).astype("float32")
    labels = rng.integers(0, 3, 20)
    model = kerax.Sequential([layers.Dense(3, activation="softmax", input_shape=(4,))])
    model.compile("sgd", "sparse_categorical_crossentropy", metrics=["accuracy"])
    _, acc = model.evaluate(x, labels, verbose=0)
    probs = model.predict(x, verbose=0)
    np.testing.assert_allclose(acc, np.mean(probs.argmax(-1) == labels), rtol=1e-6)
    onehot = np.eye(3)[labels]
    model.compile("sgd", "categorical_crossentropy", metrics=["acc"])
    logs = model.evaluate(x, onehot, verbose=0, return_dict=True)
    np.testing.assert_allclose(logs["acc"], np.mean(probs.argmax(-1) == labels), rtol=1e-6)
    expected_ce = -np.mean(np.log(np.clip(probs, 1e-7, 1 - 1e-7))[np.arange(20), labels])
    np.testing.assert_allclose(logs["loss"], expected_ce, rtol=1e-4)


def test_validation_split_takes_the_last_fraction(rng):
    x = rng.normal(size=(10, 2)).astype("float32")
    y = rng.normal(size=(10, 1)).astype("float32")
    w, b = rng.normal(size=(2, 1)).astype("float32"), np.zeros(1, "float32")
    model = _linear_model(w, b)
    model.compile(kerax.optimizers.SGD(0.0), "mse")
    history = model.fit(x, y, validation_split=0.2, epochs=1, verbose=0)
    np.testing.assert_allclose(history.history["val_loss"][0], np.mean((x[8:] @ w - y[8:]) ** 2), rtol=1e-5)
    np.testing.assert_allclose(history.history["loss"][0], np.mean((x[:8] @ w - y[:8]) ** 2), rtol=1e-5)


def test_train_and_test_on_batch(rng):
    x = rng.normal(size=(4, 2)).astype("float32")
    y = rng.normal(size=(4, 1)).astype("float32")
    w, b = rng.normal(size=(2, 1)).astype("float32"), np.zeros(1, "float32")
    model = _linear_model(w, b)
    model.compile(kerax.optimizers.SGD(0.5), "mse")
    loss = model.train_on_batch(x, y)
    np.testing.assert_allclose(loss, np.mean((x @ w - y) ** 2), rtol=1e-5)
    w1, b1, _ = _numpy_sgd_epoch(x, y, w, b, 0.5, 4)
    np.testing.assert_allclose(model.test_on_batch(x, y), np.mean((x @ w1 + b1 - y) ** 2), rtol=1e-4)


def test_regularization_is_part_of_the_training_loss(rng):
    x = rng.normal(size=(4, 2)).astype("float32")
    y = rng.normal(size=(4, 1)).astype("float32")
    model = kerax.Sequential([layers.Dense(1, input_shape=(2,), kernel_regularizer=kerax.regularizers.l2(0.1))])
    model.compile(kerax.optimizers.SGD(0.0), "mse")
    k, b = model.layers[0].get_weights()
    history = model.fit(x, y, batch_size=4, verbose=0)
    expected = np.mean((x @ k + b - y) ** 2) + 0.1 * np.sum(k ** 2)
    np.testing.assert_allclose(history.history["loss"][0], expected, rtol=1e-5)


def test_dropout_is_active_only_in_training(rng):
    model = kerax.Sequential([layers.Dropout(0.5, input_shape=(1000,))])
    x = np.ones((2, 1000), "float32")
    np.testing.assert_allclose(np.asarray(model(x)), x)
    dropped = np.asarray(model(x, training=True))
    assert set(np.unique(dropped)) <= {0.0, 2.0}
    assert 0.4 < np.mean(dropped == 0) < 0.6
    again = np.asarray(model(x, training=True))
    assert not np.array_equal(dropped, again)  # the seed state advances


def test_run_eagerly_runs_python_in_call(rng, capsys):
    class Printing(layers.Layer):
        def call(self, inputs):
            print("inside call", type(inputs).__name__)
            return inputs

    model = kerax.Sequential([layers.Dense(1, input_shape=(2,)), Printing()])
    model.compile("sgd", "mse", run_eagerly=True)
    model.fit(rng.normal(size=(4, 2)), rng.normal(size=(4, 1)), batch_size=2, epochs=1, verbose=0)
    assert capsys.readouterr().out.count("inside call") >= 2
