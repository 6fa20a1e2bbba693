"""Keras 3 behaviours that real programs (the keras.io guides) rely on."""
import json

import jax
import numpy as np
import pytest

import kerax as keras


class CustomModel(keras.Model):
    def train_step(self, data):
        self.custom_steps = getattr(self, "custom_steps", 0) + 1
        return super().train_step(data)


@pytest.mark.parametrize("keyword", [False, True])
def test_subclass_called_functional_style_keeps_its_methods(keyword):
    x = keras.Input((4,))
    y = keras.layers.Dense(1)(x)
    model = CustomModel(inputs=x, outputs=y) if keyword else CustomModel(x, y)
    assert isinstance(model, CustomModel) and len(model.layers) == 2
    model.compile("sgd", "mse", run_eagerly=True)
    model.fit(np.ones((8, 4)), np.ones((8, 1)), batch_size=4, verbose=0)
    assert model.custom_steps == 2


def test_sequential_layers_expose_the_models_graph_for_feature_extraction():
    seq = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(2)])
    extractor = keras.Model(inputs=seq.inputs, outputs=[layer.output for layer in seq.layers])
    x = np.random.default_rng(0).normal(size=(5, 4)).astype("float32")
    first, second = extractor(x)
    w1, b1, w2, b2 = seq.get_weights()
    np.testing.assert_allclose(first, x @ w1 + b1, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(second, (x @ w1 + b1) @ w2 + b2, rtol=1e-5, atol=1e-6)


def test_a_missing_or_extra_trailing_axis_of_one_is_adapted():
    model = keras.Sequential([keras.Input((6, 6, 1)), keras.layers.Flatten(), keras.layers.Dense(2)])
    model.compile("sgd", "mse")
    images = np.ones((4, 6, 6), "float32")
    model.fit(images, np.ones((4, 2)), verbose=0)
    expected = images.reshape(4, 36) @ model.get_weights()[0] + model.get_weights()[1]
    np.testing.assert_allclose(model.predict(images, verbose=0), expected, rtol=1e-5)
    np.testing.assert_allclose(model(images), expected, rtol=1e-5)
    vector_model = keras.Sequential([keras.Input((5,)), keras.layers.Dense(1)])
    assert vector_model.predict(np.ones((3, 5, 1)), verbose=0).shape == (3, 1)


@pytest.mark.parametrize("label_shape", [(40,), (40, 1)])
def test_class_weight_with_binary_labels(label_shape):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(keras.optimizers.SGD(0.0), "binary_crossentropy")
    labels = (np.arange(40) % 2).astype("float32").reshape(label_shape)
    x = np.random.default_rng(1).normal(size=(40, 3)).astype("float32")
    loss = model.fit(x, labels, class_weight={0: 1.0, 1: 3.0}, batch_size=40, verbose=0).history["loss"][0]
    p = np.clip(model.predict(x, verbose=0).reshape(-1), 1e-7, 1 - 1e-7)
    y = labels.reshape(-1)
    per_sample = -(y * np.log(p) + (1 - y) * np.log(1 - p)) * np.where(y == 1, 3.0, 1.0)
    assert loss == pytest.approx(per_sample.mean(), rel=1e-4)


def test_stateless_call_computes_with_the_given_values():
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2), keras.layers.BatchNormalization()])
    kernel = np.arange(6, dtype="float32").reshape(3, 2)
    trainable = [kernel, np.ones(2, "float32"), np.ones(2, "float32"), np.zeros(2, "float32")]
    non_trainable = [v.value for v in model.non_trainable_variables]
    x = np.ones((4, 3), "float32") * np.arange(4, dtype="float32")[:, None]
    outputs, new_non_trainable = model.stateless_call(trainable, non_trainable, x, training=True)
    dense = x @ kernel + 1.0
    mean, var = dense.mean(0), dense.var(0)
    np.testing.assert_allclose(outputs, (dense - mean) / np.sqrt(var + 1e-3), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(new_non_trainable[0], 0.01 * mean, rtol=1e-5)  # moving mean, momentum 0.99
    assert float(np.abs(model.non_trainable_variables[0].numpy()).sum()) == 0.0  # no Variable changed


def test_training_loop_written_in_jax():
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])
    optimizer = keras.optimizers.SGD(0.1)
    optimizer.build(model.trainable_variables)
    loss_fn = keras.losses.MeanSquaredError()

    def compute_loss(trainable, non_trainable, x, y):
        y_pred, non_trainable = model.stateless_call(trainable, non_trainable, x)
        return loss_fn(y, y_pred), non_trainable

    @jax.jit
    def train_step(state, x, y):
        trainable, non_trainable, optimizer_variables = state
        (loss, non_trainable), grads = jax.value_and_grad(compute_loss, has_aux=True)(trainable, non_trainable,
                                                                                       x, y)
        trainable, optimizer_variables = optimizer.stateless_apply(optimizer_variables, grads, trainable)
        return loss, (trainable, non_trainable, optimizer_variables)

    x = np.random.default_rng(2).normal(size=(16, 4)).astype("float32")
    y = x @ np.array([[1.0], [-2.0], [0.5], [3.0]], "float32")
    state = (model.trainable_variables, model.non_trainable_variables, optimizer.variables)  # Variables pass
    losses = []
    for _ in range(100):
        loss, state = train_step(state, x, y)
        losses.append(float(loss))
    for variable, value in zip(model.trainable_variables, state[0]):
        variable.assign(value)
    assert losses[-1] < 1e-3 < losses[0]
    np.testing.assert_allclose(model.get_weights()[0].reshape(-1), [1.0, -2.0, 0.5, 3.0], atol=0.05)
    metric = keras.metrics.MeanAbsoluteError()
    metric_state = metric.stateless_update_state(metric.variables, y, model(x))
    assert float(metric.stateless_result(metric_state)) == pytest.approx(
        np.abs(y - np.asarray(model(x))).mean(), rel=1e-5)


class JaxStyleModel(keras.Model):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.loss_tracker = keras.metrics.Mean(name="loss")

    def train_step(self, state, data):
        trainable, non_trainable, optimizer_variables, metrics_variables = state
        x, y = data

        def loss_of(trainable, non_trainable):
            y_pred, non_trainable = self.stateless_call(trainable, non_trainable, x, training=True)
            return keras.ops.mean((y - y_pred) ** 2), non_trainable

        (loss, non_trainable), grads = jax.value_and_grad(loss_of, has_aux=True)(trainable, non_trainable)
        trainable, optimizer_variables = self.optimizer.stateless_apply(optimizer_variables, grads, trainable)
        metrics_variables = self.loss_tracker.stateless_update_state(metrics_variables, loss)
        logs = {"loss": self.loss_tracker.stateless_result(metrics_variables)}
        return logs, (trainable, non_trainable, optimizer_variables, metrics_variables)

    @property
    def metrics(self):
        return [self.loss_tracker]


def test_fit_runs_a_jax_style_train_step():
    inputs = keras.Input((2,))
    model = JaxStyleModel(inputs, keras.layers.Dense(1)(inputs))
    model.compile(optimizer=keras.optimizers.SGD(0.1))
    x = np.random.default_rng(3).normal(size=(64, 2)).astype("float32")
    y = x @ np.array([[2.0], [-1.0]], "float32")
    history = model.fit(x, y, epochs=5, batch_size=16, verbose=0)
    assert history.history["loss"][-1] < 0.1 * history.history["loss"][0]


def test_every_callback_hook_gets_a_real_dict():
    seen = []

    class Recorder(keras.callbacks.Callback):
        def _record(self, hook, logs):
            seen.append((hook, json.dumps(logs), dict(logs) == logs, list(logs.values()) == [logs[k] for k in logs]))

        def on_train_begin(self, logs=None): self._record("train_begin", logs)
        def on_epoch_begin(self, epoch, logs=None): self._record("epoch_begin", logs)
        def on_train_batch_end(self, batch, logs=None): self._record("batch_end", logs)
        def on_train_end(self, logs=None): self._record("train_end", logs)

    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile("sgd", "mse")
    model.fit(np.ones((4, 2)), np.ones((4, 1)), batch_size=2, callbacks=[Recorder()], verbose=0)
    assert [hook for hook, *_ in seen] == ["train_begin", "epoch_begin", "batch_end", "batch_end", "train_end"]
    batch_logs = json.loads(seen[2][1])
    assert set(batch_logs) == {"loss"} and all(equal and values for _, _, equal, values in seen)


def test_summary_of_an_unbuilt_sequential_model():
    lines = []
    keras.Sequential([keras.layers.Dense(3), keras.layers.Dense(1)]).summary(print_fn=lines.append)
    rows = [line for line in lines if "(Dense)" in line]
    assert len(rows) == 2 and all("?" in row and "0 (unbuilt)" in row for row in rows)
