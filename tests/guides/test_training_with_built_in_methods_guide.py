"""The keras.io guide "Training & evaluation with the built-in methods", run as a user would: its code with
`import kerax as keras`, 256 random MNIST-shaped samples instead of MNIST, 1-3 epochs. `tf.data` pipelines
(TensorFlow is not installed) become the guide's own `PyDataset`; the PyTorch `DataLoader` section is left out
(no torch). Checks history keys, numbers against NumPy, the callbacks' files and stopping."""
import os

import numpy as np

import kerax as keras
from kerax import layers, ops

rng = np.random.default_rng(0)
x_train = rng.random((256, 784)).astype("float32")
y_train = rng.integers(0, 10, 256).astype("float32")
x_test, y_test = x_train[:64], y_train[:64]
x_val, y_val = x_train[-64:], y_train[-64:]
x_train, y_train = x_train[:-64], y_train[:-64]


def get_uncompiled_model():
    inputs = keras.Input(shape=(784,), name="digits")
    x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
    x = layers.Dense(64, activation="relu", name="dense_2")(x)
    outputs = layers.Dense(10, activation="softmax", name="predictions")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    return model


def get_compiled_model():
    model = get_uncompiled_model()
    model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy",
                  metrics=["sparse_categorical_accuracy"])
    return model


class ExamplePyDataset(keras.utils.PyDataset):
    def __init__(self, x, y, batch_size, **kwargs):
        super().__init__(**kwargs)
        self.x = x
        self.y = y
        self.batch_size = batch_size

    def __len__(self):
        return int(np.ceil(len(self.x) / float(self.batch_size)))

    def __getitem__(self, idx):
        batch_x = self.x[idx * self.batch_size:(idx + 1) * self.batch_size]
        batch_y = self.y[idx * self.batch_size:(idx + 1) * self.batch_size]
        return batch_x, batch_y


def test_a_first_end_to_end_example():
    model = get_uncompiled_model()
    model.compile(optimizer=keras.optimizers.RMSprop(), loss=keras.losses.SparseCategoricalCrossentropy(),
                  metrics=[keras.metrics.SparseCategoricalAccuracy()])
    history = model.fit(x_train, y_train, batch_size=64, epochs=2, validation_data=(x_val, y_val), verbose=0)
    assert set(history.history) == {"loss", "sparse_categorical_accuracy", "val_loss",
                                    "val_sparse_categorical_accuracy"}
    assert len(history.history["loss"]) == 2
    results = model.evaluate(x_test, y_test, batch_size=128, verbose=0)
    predictions = model.predict(x_test[:3], verbose=0)
    assert predictions.shape == (3, 10)
    probs = model.predict(x_test, verbose=0)
    np.testing.assert_allclose(results[0], -np.mean(np.log(probs[np.arange(64), y_test.astype(int)])),
                               rtol=1e-4)
    np.testing.assert_allclose(results[1], np.mean(probs.argmax(-1) == y_test))


def custom_mean_squared_error(y_true, y_pred):
    return ops.mean(ops.square(y_true - y_pred), axis=-1)


class CustomMSE(keras.losses.Loss):
    def __init__(self, regularization_factor=0.1, name="custom_mse"):
        super().__init__(name=name)
        self.regularization_factor = regularization_factor

    def call(self, y_true, y_pred):
        mse = ops.mean(ops.square(y_true - y_pred), axis=-1)
        reg = ops.mean(ops.square(0.5 - y_pred), axis=-1)
        return mse + reg * self.regularization_factor


class CategoricalTruePositives(keras.metrics.Metric):
    def __init__(self, name="categorical_true_positives", **kwargs):
        super().__init__(name=name, **kwargs)
        self.true_positives = self.add_variable(shape=(), name="ctp", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        y_pred = ops.reshape(ops.argmax(y_pred, axis=1), (-1, 1))
        values = ops.cast(y_true, "int32") == ops.cast(y_pred, "int32")
        values = ops.cast(values, "float32")
        if sample_weight is not None:
            sample_weight = ops.cast(sample_weight, "float32")
            values = ops.multiply(values, sample_weight)
        self.true_positives.assign_add(ops.sum(values))

    def result(self):
        return self.true_positives

    def reset_state(self):
        self.true_positives.assign(0.0)


def test_custom_losses_and_metrics():
    model = get_uncompiled_model()
    model.compile(optimizer=keras.optimizers.Adam(), loss=custom_mean_squared_error)
    y_train_one_hot = ops.one_hot(y_train, num_classes=10)
    model.fit(x_train, y_train_one_hot, batch_size=64, epochs=1, verbose=0)
    probs = model.predict(x_test, verbose=0)
    expected = np.mean((np.eye(10)[y_test.astype(int)] - probs) ** 2)
    np.testing.assert_allclose(model.evaluate(x_test, np.eye(10)[y_test.astype(int)], verbose=0), expected,
                               rtol=1e-4)

    model = get_uncompiled_model()
    model.compile(optimizer=keras.optimizers.Adam(), loss=CustomMSE())
    history = model.fit(x_train, y_train_one_hot, batch_size=64, epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])

    model = get_uncompiled_model()
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy(), metrics=[CategoricalTruePositives()])
    history = model.fit(x_train, y_train, batch_size=64, epochs=3, verbose=0)
    assert len(history.history["categorical_true_positives"]) == 3
    # As in Keras, labels of shape (batch,) against predictions reshaped to (batch, 1) broadcast: the metric
    # counts every (label, prediction) pair of a batch that agree.
    _, true_positives = model.evaluate(x_test, y_test, batch_size=32, verbose=0)
    predicted = model.predict(x_test, verbose=0).argmax(-1)
    assert true_positives == sum(np.sum(y_test[b:b + 32][None, :] == predicted[b:b + 32][:, None])
                                 for b in (0, 32))


class ActivityRegularizationLayer(layers.Layer):
    def call(self, inputs):
        self.add_loss(ops.sum(inputs) * 0.1)
        return inputs  # Pass-through layer.


class LogisticEndpoint(keras.layers.Layer):
    def __init__(self, name=None):
        super().__init__(name=name)
        self.loss_fn = keras.losses.BinaryCrossentropy(from_logits=True)

    def call(self, targets, logits, sample_weights=None):
        loss = self.loss_fn(targets, logits, sample_weights)
        self.add_loss(loss)
        return ops.softmax(logits)


def test_losses_that_dont_fit_the_standard_signature():
    inputs = keras.Input(shape=(784,), name="digits")
    x = layers.Dense(64, activation="relu", name="dense_1")(inputs)
    x = ActivityRegularizationLayer()(x)
    x = layers.Dense(64, activation="relu", name="dense_2")(x)
    outputs = layers.Dense(10, name="predictions")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=1e-3),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    loss = model.evaluate(x_test, y_test, batch_size=64, verbose=0)
    kernel, bias = model.get_layer("dense_1").get_weights()
    logits = model.predict(x_test, verbose=0)
    logp = logits - np.log(np.sum(np.exp(logits), -1, keepdims=True))
    ce = -np.mean(logp[np.arange(64), y_test.astype(int)])
    np.testing.assert_allclose(loss, ce + 0.1 * np.maximum(x_test @ kernel + bias, 0).sum(), rtol=1e-4)
    model.fit(x_train, y_train, batch_size=64, epochs=1, verbose=0)

    inputs = keras.Input(shape=(3,), name="inputs")
    targets = keras.Input(shape=(10,), name="targets")
    logits = keras.layers.Dense(10)(inputs)
    predictions = LogisticEndpoint(name="predictions")(targets, logits)
    model = keras.Model(inputs=[inputs, targets], outputs=predictions)
    model.compile(optimizer="adam")  # No loss argument!
    data = {"inputs": np.random.random((3, 3)), "targets": np.random.random((3, 10))}
    history = model.fit(data, verbose=0)
    assert np.isfinite(history.history["loss"][0]) and history.history["loss"][0] > 0


def test_validation_split_and_datasets():
    model = get_compiled_model()
    history = model.fit(x_train, y_train, batch_size=64, validation_split=0.2, epochs=1, verbose=0)
    assert "val_loss" in history.history

    # The guide's tf.data examples (TensorFlow is not installed) with its PyDataset: a few steps_per_epoch,
    # validation on validation_steps batches.
    train_py_dataset = ExamplePyDataset(x_train, y_train, batch_size=32)
    val_py_dataset = ExamplePyDataset(x_val, y_val, batch_size=32)
    history = model.fit(train_py_dataset, epochs=2, steps_per_epoch=3, validation_data=val_py_dataset,
                        validation_steps=1, verbose=0)
    assert len(history.history["loss"]) == 2 and "val_sparse_categorical_accuracy" in history.history
    result = model.evaluate(val_py_dataset, verbose=0)
    probs = model.predict(x_val, verbose=0)
    np.testing.assert_allclose(result[0], -np.mean(np.log(probs[np.arange(64), y_val.astype(int)])), rtol=1e-4)
    assert dict(zip(model.metrics_names, result))["loss"] == result[0]

    train_py_dataset = ExamplePyDataset(x_train, y_train, batch_size=32, workers=4)
    val_py_dataset = ExamplePyDataset(x_val, y_val, batch_size=32, workers=4)
    history = model.fit(train_py_dataset, batch_size=64, validation_data=val_py_dataset, epochs=1, verbose=0)
    assert np.isfinite(history.history["val_loss"][0])


def test_class_and_sample_weights():
    class_weight = {0: 1.0, 1: 1.0, 2: 1.0, 3: 1.0, 4: 1.0, 5: 2.0, 6: 1.0, 7: 1.0, 8: 1.0, 9: 1.0}
    model = get_compiled_model()
    initial = model.get_weights()
    model.fit(x_train, y_train, class_weight=class_weight, batch_size=64, epochs=1, shuffle=False, verbose=0)
    with_class_weight = model.get_weights()

    sample_weight = np.ones(shape=(len(y_train),))
    sample_weight[y_train == 5] = 2.0
    model = get_compiled_model()
    model.set_weights(initial)
    model.fit(x_train, y_train, sample_weight=sample_weight, batch_size=64, epochs=1, shuffle=False,
              verbose=0)
    for a, b in zip(with_class_weight, model.get_weights()):  # the two ways weigh class 5 the same
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-6)


def test_multi_input_multi_output_models():
    image_input = keras.Input(shape=(16, 16, 3), name="img_input")
    timeseries_input = keras.Input(shape=(None, 10), name="ts_input")
    x1 = layers.Conv2D(3, 3)(image_input)
    x1 = layers.GlobalMaxPooling2D()(x1)
    x2 = layers.Conv1D(3, 3)(timeseries_input)
    x2 = layers.GlobalMaxPooling1D()(x2)
    x = layers.concatenate([x1, x2])
    score_output = layers.Dense(1, name="score_output")(x)
    class_output = layers.Dense(5, name="class_output")(x)
    model = keras.Model(inputs=[image_input, timeseries_input], outputs=[score_output, class_output])

    model.compile(
        optimizer=keras.optimizers.RMSprop(1e-3),
        loss={"score_output": keras.losses.MeanSquaredError(),
              "class_output": keras.losses.CategoricalCrossentropy()},
        metrics={"score_output": [keras.metrics.MeanAbsolutePercentageError(),
                                  keras.metrics.MeanAbsoluteError()],
                 "class_output": [keras.metrics.CategoricalAccuracy()]},
        loss_weights={"score_output": 2.0, "class_output": 1.0},
    )
    img_data = np.random.random_sample(size=(32, 16, 16, 3))
    ts_data = np.random.random_sample(size=(32, 20, 10))
    score_targets = np.random.random_sample(size=(32, 1))
    class_targets = np.random.random_sample(size=(32, 5))
    logs = model.evaluate([img_data, ts_data], [score_targets, class_targets], return_dict=True, verbose=0)
    assert {"score_output_mean_absolute_error", "class_output_categorical_accuracy"} <= set(logs)
    np.testing.assert_allclose(logs["loss"], 2 * logs["score_output_loss"] + logs["class_output_loss"],
                               rtol=1e-4)

    model.compile(optimizer=keras.optimizers.RMSprop(1e-3),
                  loss=[None, keras.losses.CategoricalCrossentropy()])
    model.compile(optimizer=keras.optimizers.RMSprop(1e-3),
                  loss={"class_output": keras.losses.CategoricalCrossentropy()})
    model.compile(optimizer=keras.optimizers.RMSprop(1e-3),
                  loss=[keras.losses.MeanSquaredError(), keras.losses.CategoricalCrossentropy()])
    model.fit([img_data, ts_data], [score_targets, class_targets], batch_size=32, epochs=1, verbose=0)
    history = model.fit({"img_input": img_data, "ts_input": ts_data},
                        {"score_output": score_targets, "class_output": class_targets}, batch_size=32,
                        epochs=1, verbose=0)
    assert np.isfinite(history.history["loss"][0])


class LossHistory(keras.callbacks.Callback):
    def on_train_begin(self, logs):
        self.per_batch_losses = []

    def on_batch_end(self, batch, logs):
        self.per_batch_losses.append(logs.get("loss"))


def test_callbacks_and_checkpointing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    model = get_compiled_model()
    callbacks = [keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=1e-2, patience=2, verbose=0),
                 LossHistory()]
    history = model.fit(x_train, y_train, epochs=20, batch_size=64, callbacks=callbacks, validation_split=0.2,
                        verbose=0)
    epochs = len(history.history["loss"])
    assert epochs < 20  # random labels: the validation loss stops improving
    assert len(callbacks[1].per_batch_losses) == 3 * epochs

    model = get_compiled_model()
    callbacks = [keras.callbacks.ModelCheckpoint(filepath="mymodel_{epoch}.keras", save_best_only=True,
                                                 monitor="val_loss", verbose=0)]
    model.fit(x_train, y_train, epochs=2, batch_size=64, callbacks=callbacks, validation_split=0.2, verbose=0)
    assert os.path.exists("mymodel_1.keras")

    checkpoint_dir = "./ckpt"
    if not os.path.exists(checkpoint_dir):
        os.makedirs(checkpoint_dir)

    def make_or_restore_model():
        checkpoints = [checkpoint_dir + "/" + name for name in os.listdir(checkpoint_dir)]
        if checkpoints:
            latest_checkpoint = max(checkpoints, key=os.path.getctime)
            return keras.models.load_model(latest_checkpoint)
        return get_compiled_model()

    model = make_or_restore_model()
    callbacks = [keras.callbacks.ModelCheckpoint(filepath=checkpoint_dir + "/model-loss={loss:.2f}.keras",
                                                 save_freq=3)]  # the guide: every 100 batches
    model.fit(x_train, y_train, epochs=1, batch_size=64, callbacks=callbacks, verbose=0)
    saved = os.listdir(checkpoint_dir)
    assert len(saved) == 1 and saved[0].startswith("model-loss=")
    restored = make_or_restore_model()
    np.testing.assert_allclose(restored.predict(x_test, verbose=0), model.predict(x_test, verbose=0),
                               rtol=1e-5)


def test_learning_rate_schedules_and_tensorboard(tmp_path):
    initial_learning_rate = 0.1
    lr_schedule = keras.optimizers.schedules.ExponentialDecay(initial_learning_rate, decay_steps=100000,
                                                              decay_rate=0.96, staircase=True)
    optimizer = keras.optimizers.RMSprop(learning_rate=lr_schedule)
    np.testing.assert_allclose(float(lr_schedule(200000)), 0.1 * 0.96 ** 2, rtol=1e-6)
    model = get_uncompiled_model()
    model.compile(optimizer=optimizer, loss="sparse_categorical_crossentropy")
    model.fit(x_train, y_train, batch_size=64, epochs=1, verbose=0,
              callbacks=[keras.callbacks.TensorBoard(log_dir=str(tmp_path / "logs"), histogram_freq=0,
                                                     embeddings_freq=0, update_freq="epoch")])
    assert any(files for _, _, files in os.walk(tmp_path / "logs"))
