"""The keras.io guide "Writing your own callbacks", run as a user would: its code with `import kerax as
keras`, 64 synthetic samples instead of MNIST, batch 16 and fewer epochs. Checks the hook order and the log
keys the guide prints, early stopping and the learning-rate schedule."""
import numpy as np

import kerax as keras


def get_model():
    model = keras.Sequential()
    model.add(keras.layers.Dense(1))
    model.compile(
        optimizer=keras.optimizers.RMSprop(learning_rate=0.1),
        loss="mean_squared_error",
        metrics=["mean_absolute_error"],
    )
    return model


rng = np.random.default_rng(0)
x_train = rng.random((64, 784)).astype("float32")
y_train = rng.integers(0, 10, 64)
x_test, y_test = x_train[:32], y_train[:32]


class CustomCallback(keras.callbacks.Callback):
    def on_train_begin(self, logs=None):
        keys = list(logs.keys())
        print("Starting training; got log keys: {}".format(keys))

    def on_train_end(self, logs=None):
        keys = list(logs.keys())
        print("Stop training; got log keys: {}".format(keys))

    def on_epoch_begin(self, epoch, logs=None):
        keys = list(logs.keys())
        print("Start epoch {} of training; got log keys: {}".format(epoch, keys))

    def on_epoch_end(self, epoch, logs=None):
        keys = list(logs.keys())
        print("End epoch {} of training; got log keys: {}".format(epoch, keys))

    def on_test_begin(self, logs=None):
        keys = list(logs.keys())
        print("Start testing; got log keys: {}".format(keys))

    def on_test_end(self, logs=None):
        keys = list(logs.keys())
        print("Stop testing; got log keys: {}".format(keys))

    def on_predict_begin(self, logs=None):
        keys = list(logs.keys())
        print("Start predicting; got log keys: {}".format(keys))

    def on_predict_end(self, logs=None):
        keys = list(logs.keys())
        print("Stop predicting; got log keys: {}".format(keys))

    def on_train_batch_begin(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Training: start of batch {}; got log keys: {}".format(batch, keys))

    def on_train_batch_end(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Training: end of batch {}; got log keys: {}".format(batch, keys))

    def on_test_batch_begin(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Evaluating: start of batch {}; got log keys: {}".format(batch, keys))

    def on_test_batch_end(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Evaluating: end of batch {}; got log keys: {}".format(batch, keys))

    def on_predict_batch_begin(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Predicting: start of batch {}; got log keys: {}".format(batch, keys))

    def on_predict_batch_end(self, batch, logs=None):
        keys = list(logs.keys())
        print("...Predicting: end of batch {}; got log keys: {}".format(batch, keys))


class LossAndErrorPrintingCallback(keras.callbacks.Callback):
    def on_train_batch_end(self, batch, logs=None):
        print("Up to batch {}, the average loss is {:7.2f}.".format(batch, logs["loss"]))

    def on_test_batch_end(self, batch, logs=None):
        print("Up to batch {}, the average loss is {:7.2f}.".format(batch, logs["loss"]))

    def on_epoch_end(self, epoch, logs=None):
        print(
            "The average loss for epoch {} is {:7.2f} "
            "and mean absolute error is {:7.2f}.".format(epoch, logs["loss"], logs["mean_absolute_error"])
        )


METRICS = "['loss', 'mean_absolute_error']"
VAL_METRICS = "['loss', 'mean_absolute_error', 'val_loss', 'val_mean_absolute_error']"


def test_hooks_are_called_in_the_guides_order_with_its_log_keys(capsys):
    model = get_model()
    model.fit(x_train, y_train, batch_size=16, epochs=1, verbose=0, validation_split=0.5,
              callbacks=[CustomCallback()])
    train_batch = ["...Training: start of batch {}; got log keys: []",
                   "...Training: end of batch {}; got log keys: " + METRICS]
    test_batch = ["...Evaluating: start of batch {}; got log keys: []",
                  "...Evaluating: end of batch {}; got log keys: " + METRICS]
    expected = (["Starting training; got log keys: []", "Start epoch 0 of training; got log keys: []"]
                + [line.format(b) for b in range(2) for line in train_batch]
                + ["Start testing; got log keys: []"]
                + [line.format(b) for b in range(2) for line in test_batch]
                + ["Stop testing; got log keys: " + METRICS,
                   "End epoch 0 of training; got log keys: " + VAL_METRICS,
                   "Stop training; got log keys: " + VAL_METRICS])
    assert capsys.readouterr().out.splitlines() == expected

    model.evaluate(x_test, y_test, batch_size=16, verbose=0, callbacks=[CustomCallback()])
    assert capsys.readouterr().out.splitlines() == (
        ["Start testing; got log keys: []"] + [line.format(b) for b in range(2) for line in test_batch]
        + ["Stop testing; got log keys: " + METRICS])

    res = model.predict(x_test, batch_size=16, callbacks=[CustomCallback()], verbose=0)
    assert res.shape == (32, 1)
    assert capsys.readouterr().out.splitlines() == [
        "Start predicting; got log keys: []",
        "...Predicting: start of batch 0; got log keys: []",
        "...Predicting: end of batch 0; got log keys: ['outputs']",
        "...Predicting: start of batch 1; got log keys: []",
        "...Predicting: end of batch 1; got log keys: ['outputs']",
        "Stop predicting; got log keys: []",
    ]


def test_logs_dict_carries_running_averages(capsys):
    model = get_model()
    history = model.fit(x_train, y_train, batch_size=16, epochs=2, verbose=0,
                        callbacks=[LossAndErrorPrintingCallback()])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 * (4 + 1)
    assert lines[4] == "The average loss for epoch 0 is {:7.2f} and mean absolute error is {:7.2f}.".format(
        history.history["loss"][0], history.history["mean_absolute_error"][0])
    res = model.evaluate(x_test, y_test, batch_size=16, verbose=0, callbacks=[LossAndErrorPrintingCallback()])
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == "Up to batch 1, the average loss is {:7.2f}.".format(res[0])


class EarlyStoppingAtMinLoss(keras.callbacks.Callback):
    """Stop training when the loss is at its min, i.e. the loss stops decreasing."""

    def __init__(self, patience=0):
        super().__init__()
        self.patience = patience
        self.best_weights = None

    def on_train_begin(self, logs=None):
        self.wait = 0
        self.stopped_epoch = 0
        self.best = np.inf  # the guide's np.Inf is gone from NumPy 2

    def on_epoch_end(self, epoch, logs=None):
        current = logs.get("loss")
        if np.less(current, self.best):
            self.best = current
            self.wait = 0
            self.best_weights = self.model.get_weights()
        else:
            self.wait += 1
            if self.wait >= self.patience:
                self.stopped_epoch = epoch
                self.model.stop_training = True
                print("Restoring model weights from the end of the best epoch.")
                self.model.set_weights(self.best_weights)

    def on_train_end(self, logs=None):
        if self.stopped_epoch > 0:
            print(f"Epoch {self.stopped_epoch + 1}: early stopping")


def test_early_stopping_at_min_loss_restores_the_best_weights():
    model = get_model()
    stopper = EarlyStoppingAtMinLoss()
    history = model.fit(x_train, y_train, batch_size=16, epochs=30, verbose=0,
                        callbacks=[LossAndErrorPrintingCallback(), stopper])
    losses = history.history["loss"]
    assert len(losses) < 30 and stopper.stopped_epoch == len(losses) - 1  # lr 0.1 overshoots early
    assert losses[-1] >= min(losses[:-1])
    for restored, best in zip(model.get_weights(), stopper.best_weights):
        np.testing.assert_array_equal(restored, best)


class CustomLearningRateScheduler(keras.callbacks.Callback):
    """Learning rate scheduler which sets the learning rate according to schedule."""

    def __init__(self, schedule):
        super().__init__()
        self.schedule = schedule

    def on_epoch_begin(self, epoch, logs=None):
        if not hasattr(self.model.optimizer, "learning_rate"):
            raise ValueError('Optimizer must have a "learning_rate" attribute.')
        lr = self.model.optimizer.learning_rate
        scheduled_lr = self.schedule(epoch, lr)
        self.model.optimizer.learning_rate = scheduled_lr
        print(f"\nEpoch {epoch}: Learning rate is {float(np.array(scheduled_lr))}.")


LR_SCHEDULE = [(3, 0.05), (6, 0.01), (9, 0.005), (12, 0.001)]


def lr_schedule(epoch, lr):
    if epoch < LR_SCHEDULE[0][0] or epoch > LR_SCHEDULE[-1][0]:
        return lr
    for i in range(len(LR_SCHEDULE)):
        if epoch == LR_SCHEDULE[i][0]:
            return LR_SCHEDULE[i][1]
    return lr


def test_custom_learning_rate_scheduler(capsys):
    model = get_model()
    model.fit(x_train, y_train, batch_size=32, epochs=8, verbose=0,
              callbacks=[LossAndErrorPrintingCallback(), CustomLearningRateScheduler(lr_schedule)])
    rates = [line for line in capsys.readouterr().out.splitlines() if "Learning rate" in line]
    # The schedule's new rate prints as the Python float; a kept one as the float32 variable's value.
    f32 = [float(np.float32(r)) for r in (0.1, 0.05, 0.01)]
    assert rates == [f"Epoch {e}: Learning rate is {r}." for e, r in
                     [(0, f32[0]), (1, f32[0]), (2, f32[0]), (3, 0.05), (4, f32[1]), (5, f32[1]), (6, 0.01),
                      (7, f32[2])]]
    np.testing.assert_allclose(float(np.array(model.optimizer.learning_rate)), 0.01)
