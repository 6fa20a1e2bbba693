"""The keras.io guide "Writing a training loop from scratch in JAX", run as a user would: its code with
`import kerax as keras`, 256 random MNIST-shaped samples batched with NumPy instead of MNIST in `tf.data`.
Checks that the stateless loop leaves the model untouched until the values are assigned back, that the loss
falls, and that the metrics and `return_losses=True` give what NumPy computes."""
import jax
import numpy as np

import kerax as keras


def get_model():
    inputs = keras.Input(shape=(784,), name="digits")
    x1 = keras.layers.Dense(64, activation="relu")(inputs)
    x2 = keras.layers.Dense(64, activation="relu")(x1)
    outputs = keras.layers.Dense(10, name="predictions")(x2)
    model = keras.Model(inputs=inputs, outputs=outputs)
    return model


batch_size = 32
rng = np.random.default_rng(0)
labels = rng.integers(0, 10, 256)
# learnable: each class lights its own block of pixels
class_pixels = np.repeat(keras.utils.to_categorical(labels, 10), 79, axis=1)[:, :784]
x_train = (rng.random((256, 784)) * 0.2 + class_pixels).astype("float32")
y_train = keras.utils.to_categorical(labels)
x_val, y_val = x_train[-64:], y_train[-64:]
x_train, y_train = x_train[:-64], y_train[:-64]
train_dataset = [(x_train[i:i + batch_size], y_train[i:i + batch_size])
                 for i in range(0, len(x_train), batch_size)]
val_dataset = [(x_val[i:i + batch_size], y_val[i:i + batch_size]) for i in range(0, len(x_val), batch_size)]


def test_a_first_end_to_end_example():
    model = get_model()
    loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.Adam(learning_rate=1e-3)

    def compute_loss_and_updates(trainable_variables, non_trainable_variables, x, y):
        y_pred, non_trainable_variables = model.stateless_call(
            trainable_variables, non_trainable_variables, x)
        loss = loss_fn(y, y_pred)
        return loss, non_trainable_variables

    grad_fn = jax.value_and_grad(compute_loss_and_updates, has_aux=True)

    @jax.jit
    def train_step(state, data):
        trainable_variables, non_trainable_variables, optimizer_variables = state
        x, y = data
        (loss, non_trainable_variables), grads = grad_fn(trainable_variables, non_trainable_variables, x, y)
        trainable_variables, optimizer_variables = optimizer.stateless_apply(
            optimizer_variables, grads, trainable_variables)
        return loss, (trainable_variables, non_trainable_variables, optimizer_variables)

    optimizer.build(model.trainable_variables)
    trainable_variables = model.trainable_variables
    non_trainable_variables = model.non_trainable_variables
    optimizer_variables = optimizer.variables
    state = trainable_variables, non_trainable_variables, optimizer_variables
    initial = [v.numpy().copy() for v in model.trainable_variables]

    losses = []
    for epoch in range(3):  # the guide: one epoch of 50,000 samples
        for step, data in enumerate(train_dataset):
            loss, state = train_step(state, data)
            losses.append(float(loss))
    assert losses[-1] < losses[0] / 2
    for variable, value in zip(model.trainable_variables, initial):  # the loop is stateless
        np.testing.assert_array_equal(variable.numpy(), value)

    trainable_variables, non_trainable_variables, optimizer_variables = state
    for variable, value in zip(model.trainable_variables, trainable_variables):
        variable.assign(value)
    for variable, value in zip(model.non_trainable_variables, non_trainable_variables):
        variable.assign(value)
    y_state, _ = model.stateless_call(trainable_variables, non_trainable_variables, x_train)
    np.testing.assert_allclose(model(x_train), y_state, rtol=1e-5, atol=1e-6)
    assert float(loss_fn(y_train, model(x_train))) < losses[0] / 2


def test_low_level_handling_of_metrics():
    model = get_model()
    optimizer = keras.optimizers.Adam(learning_rate=1e-3)
    loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)
    train_acc_metric = keras.metrics.CategoricalAccuracy()
    val_acc_metric = keras.metrics.CategoricalAccuracy()

    def compute_loss_and_updates(trainable_variables, non_trainable_variables, metric_variables, x, y):
        y_pred, non_trainable_variables = model.stateless_call(
            trainable_variables, non_trainable_variables, x)
        loss = loss_fn(y, y_pred)
        metric_variables = train_acc_metric.stateless_update_state(metric_variables, y, y_pred)
        return loss, (non_trainable_variables, metric_variables)

    grad_fn = jax.value_and_grad(compute_loss_and_updates, has_aux=True)

    @jax.jit
    def train_step(state, data):
        trainable_variables, non_trainable_variables, optimizer_variables, metric_variables = state
        x, y = data
        (loss, (non_trainable_variables, metric_variables)), grads = grad_fn(
            trainable_variables, non_trainable_variables, metric_variables, x, y)
        trainable_variables, optimizer_variables = optimizer.stateless_apply(
            optimizer_variables, grads, trainable_variables)
        return loss, (trainable_variables, non_trainable_variables, optimizer_variables, metric_variables)

    @jax.jit
    def eval_step(state, data):
        trainable_variables, non_trainable_variables, metric_variables = state
        x, y = data
        y_pred, non_trainable_variables = model.stateless_call(
            trainable_variables, non_trainable_variables, x)
        loss = loss_fn(y, y_pred)
        metric_variables = val_acc_metric.stateless_update_state(metric_variables, y, y_pred)
        return loss, (trainable_variables, non_trainable_variables, metric_variables)

    optimizer.build(model.trainable_variables)
    trainable_variables = model.trainable_variables
    non_trainable_variables = model.non_trainable_variables
    optimizer_variables = optimizer.variables
    metric_variables = train_acc_metric.variables
    state = (trainable_variables, non_trainable_variables, optimizer_variables, metric_variables)

    for step, data in enumerate(train_dataset):
        loss, state = train_step(state, data)
    _, _, _, metric_variables = state
    for variable, value in zip(train_acc_metric.variables, metric_variables):
        variable.assign(value)
    assert 0.0 <= float(train_acc_metric.result()) <= 1.0
    np.testing.assert_allclose(float(metric_variables[1]), len(x_train))  # count of samples seen

    metric_variables = val_acc_metric.variables
    (trainable_variables, non_trainable_variables, optimizer_variables, metric_variables) = state
    metric_variables = val_acc_metric.variables  # the guide's loop starts the validation metric fresh
    state = trainable_variables, non_trainable_variables, metric_variables
    for step, data in enumerate(val_dataset):
        loss, state = eval_step(state, data)
    _, _, metric_variables = state
    for variable, value in zip(val_acc_metric.variables, metric_variables):
        variable.assign(value)
    for variable, value in zip(model.trainable_variables, trainable_variables):
        variable.assign(value)
    expected = np.mean(np.argmax(model.predict(x_val, verbose=0), -1) == np.argmax(y_val, -1))
    np.testing.assert_allclose(float(val_acc_metric.result()), expected, rtol=1e-6)


class ActivityRegularizationLayer(keras.layers.Layer):
    def call(self, inputs):
        self.add_loss(1e-2 * jax.numpy.sum(inputs))
        return inputs


def test_low_level_handling_of_losses_tracked_by_the_model():
    inputs = keras.Input(shape=(784,), name="digits")
    x = keras.layers.Dense(64, activation="relu")(inputs)
    x = ActivityRegularizationLayer()(x)
    x = keras.layers.Dense(64, activation="relu")(x)
    outputs = keras.layers.Dense(10, name="predictions")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True)
    train_acc_metric = keras.metrics.CategoricalAccuracy()

    def compute_loss_and_updates(trainable_variables, non_trainable_variables, metric_variables, x, y):
        y_pred, non_trainable_variables, losses = model.stateless_call(
            trainable_variables, non_trainable_variables, x, return_losses=True)
        loss = loss_fn(y, y_pred)
        if losses:
            # jax.numpy.sum refuses the guide's Python list (under Keras too): stacked first
            loss += jax.numpy.sum(jax.numpy.stack(losses))
        metric_variables = train_acc_metric.stateless_update_state(metric_variables, y, y_pred)
        return loss, non_trainable_variables, metric_variables

    x, y = train_dataset[0]
    loss, _, metric_variables = jax.jit(compute_loss_and_updates)(
        model.trainable_variables, model.non_trainable_variables, train_acc_metric.variables, x, y)
    kernel, bias = model.layers[1].get_weights()
    hidden = np.maximum(x @ kernel + bias, 0)
    np.testing.assert_allclose(float(loss) - float(loss_fn(y, model(x))), 1e-2 * hidden.sum(), rtol=1e-4)
    np.testing.assert_allclose(float(metric_variables[1]), batch_size)
