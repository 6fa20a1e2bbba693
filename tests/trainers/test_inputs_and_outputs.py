"""fit with several outputs, named inputs, generators, Sequences and datasets; progress output."""
import numpy as np
import pytest

import kerax
from kerax import layers


def _two_output_model():
    inputs = kerax.Input((3,), name="features")
    hidden = layers.Dense(4, activation="relu")(inputs)
    out1 = layers.Dense(1, name="output1")(hidden)
    out2 = layers.Dense(2, name="output2")(hidden)
    return kerax.Model(inputs, [out1, out2])


def test_multi_output_logs_each_loss_and_metric(rng):
    model = _two_output_model()
    model.compile(kerax.optimizers.SGD(0.0), loss={"output1": "mse", "output2": "mae"},
                  loss_weights={"output1": 1.0, "output2": 0.5}, metrics={"output2": ["mae"]})
    x = rng.normal(size=(8, 3)).astype("float32")
    y1, y2 = rng.normal(size=(8, 1)).astype("float32"), rng.normal(size=(8, 2)).astype("float32")
    history = model.fit({"features": x}, {"output1": y1, "output2": y2}, batch_size=8, verbose=0)
    logs = {k: v[0] for k, v in history.history.items()}
    assert list(logs) == ["loss", "output1_loss", "output2_loss", "output2_mae"]
    p1, p2 = model.predict(x, verbose=0)
    np.testing.assert_allclose(logs["output1_loss"], np.mean((p1 - y1) ** 2), rtol=1e-5)
    np.testing.assert_allclose(logs["output2_loss"], np.mean(np.abs(p2 - y2)), rtol=1e-5)
    np.testing.assert_allclose(logs["loss"], logs["output1_loss"] + 0.5 * logs["output2_loss"], rtol=1e-5)
    np.testing.assert_allclose(logs["output2_mae"], logs["output2_loss"], rtol=1e-5)


def test_generator_with_dict_targets_and_fit_generator(rng):
    model = _two_output_model()
    model.compile("adam", loss={"output1": "mean_squared_error", "output2": "mean_squared_error"})

    def batch_generator(batch_size):
        while True:
            x = rng.normal(size=(batch_size, 3)).astype("float32")
            yield x, {"output1": x[:, :1], "output2": x[:, 1:]}

    history = model.fit_generator(batch_generator(16), steps_per_epoch=5, epochs=2, verbose=0)
    assert set(history.history) == {"loss", "output1_loss", "output2_loss"}
    assert len(history.history["loss"]) == 2


class Squares(kerax.utils.Sequence):
    def __init__(self):
        super().__init__()
        self.epochs_ended = 0

    def __len__(self):
        return 3

    def __getitem__(self, index):
        x = np.full((4, 1), float(index), "float32")
        return x, x ** 2

    def on_epoch_end(self):
        self.epochs_ended += 1


def test_sequence_runs_every_batch_each_epoch():
    model = kerax.Sequential([layers.Dense(1, input_shape=(1,))])
    model.compile("sgd", "mse")
    seq = Squares()
    history = model.fit(seq, epochs=2, verbose=0)
    assert seq.epochs_ended == 2 and len(history.history["loss"]) == 2
    assert model.predict(seq, verbose=0).shape == (12, 1)


def test_dataset_with_uneven_last_batch_matches_arrays(rng):
    x = rng.normal(size=(10, 3)).astype("float32")
    y = rng.normal(size=(10, 1)).astype("float32")
    model = kerax.Sequential([layers.Dense(1, input_shape=(3,))])
    model.compile("sgd", "mse")
    dataset = kerax.data.Dataset.from_tensor_slices((x, y)).batch(4)
    from_dataset = model.evaluate(dataset, verbose=0)
    from_arrays = model.evaluate(x, y, batch_size=4, verbose=0)
    k, b = model.layers[0].get_weights()
    np.testing.assert_allclose(from_dataset, np.mean((x @ k + b - y) ** 2), rtol=1e-5)
    np.testing.assert_allclose(from_arrays, from_dataset, rtol=1e-6)
    np.testing.assert_allclose(model.predict(dataset, verbose=0), x @ k + b, rtol=1e-5, atol=1e-6)


def test_progress_output_in_keras_format(rng, capsys):
    model = kerax.Sequential([layers.Dense(1, input_shape=(3,))])
    model.compile("sgd", "mse", metrics=["mae"])
    model.fit(rng.normal(size=(64, 3)), rng.normal(size=(64, 1)), epochs=2, verbose=1)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Epoch 1/2"
    import re
    assert re.fullmatch(r"2/2 \[==============================\] - \d+s \d+(us|ms|s)/step - loss: \d+\.\d{4}"
                        r" - mae: \d+\.\d{4}", lines[1]), lines[1]
    assert lines[2] == "Epoch 2/2"
    model.fit(rng.normal(size=(64, 3)), rng.normal(size=(64, 1)), epochs=1, verbose=2)
    line = capsys.readouterr().out.splitlines()[1]
    assert re.fullmatch(r"2/2 - \d+s - loss: \d+\.\d{4} - mae: \d+\.\d{4} - \d+ms/epoch - \d+(us|ms|s)/step", line)
    model.fit(rng.normal(size=(64, 3)), rng.normal(size=(64, 1)), epochs=1, verbose=0)
    assert capsys.readouterr().out == ""


class CountingCallback(kerax.callbacks.Callback):
    def on_train_begin(self, logs=None):
        self.calls = []

    def on_train_batch_end(self, batch, logs=None):
        self.calls.append((batch, round(logs["loss"], 6)))

    def on_epoch_end(self, epoch, logs=None):
        self.calls.append(("epoch", epoch))


def test_per_batch_callbacks_see_every_batch(rng):
    model = kerax.Sequential([layers.Dense(1, input_shape=(3,))])
    model.compile("sgd", "mse")
    callback = CountingCallback()
    model.fit(rng.normal(size=(10, 3)), rng.normal(size=(10, 1)), batch_size=4, epochs=2, verbose=0,
              callbacks=[callback])
    assert [c[0] for c in callback.calls] == [0, 1, 2, "epoch", 0, 1, 2, "epoch"]


def test_custom_train_step_in_stateful_style(rng):
    """A train_step override written as in Keras (two passes, own loss), compiled."""

    class HalfStep(kerax.Model):
        def __init__(self):
            super().__init__()
            self.dense = layers.Dense(1, kernel_initializer="zeros", use_bias=False)

        def call(self, x):
            return self.dense(x)

        def train_step(self, data):
            x, y = data
            loss, grads = kerax.value_and_grad(lambda: kerax.ops.mean((self(x) - y) ** 2),
                                               self.trainable_weights)
            self.optimizer.apply([g * 0.5 for g in grads], self.trainable_weights)
            return {"half_loss": loss * 0.5}

    x = rng.normal(size=(8, 2)).astype("float32")
    y = rng.normal(size=(8, 1)).astype("float32")
    model = HalfStep()
    model.compile(kerax.optimizers.SGD(0.1), "mse")
    history = model.fit(x, y, batch_size=8, epochs=1, verbose=0)
    np.testing.assert_allclose(history.history["half_loss"][0], 0.5 * np.mean(y ** 2), rtol=1e-5)
    expected_kernel = -0.1 * 0.5 * (2 * x.T @ (0 - y) / 8)
    np.testing.assert_allclose(model.dense.kernel.numpy(), expected_kernel, rtol=1e-5)


def test_custom_training_loop_by_hand(rng):
    model = kerax.Sequential([layers.Dense(1, input_shape=(2,), use_bias=False, kernel_initializer="ones")])
    optimizer = kerax.optimizers.SGD(0.1)
    x = rng.normal(size=(4, 2)).astype("float32")
    y = np.zeros((4, 1), "float32")
    loss, grads = kerax.value_and_grad(lambda: kerax.losses.MeanSquaredError()(y, model(x)),
                                       model.trainable_weights)
    optimizer.apply(grads, model.trainable_weights)
    w = np.ones((2, 1))
    np.testing.assert_allclose(float(loss), np.mean((x @ w) ** 2), rtol=1e-5)
    np.testing.assert_allclose(model.get_weights()[0], w - 0.1 * 2 * x.T @ (x @ w) / 4, rtol=1e-5)
