"""Seed 001: a two-output model trained from a Python generator yielding a dict of targets per output
(the Keras 1 spellings `Convolution2D(8, 5, 5, subsample=...)`, `W_regularizer`, `Model(input=, output=)`)."""
import numpy as np

from kerax.layers import Activation, Convolution2D, Dense, Flatten, Input
from kerax.models import Model
from kerax.regularizers import l2


def batch_generator(x, y, batch_size):
    while True:
        for start in range(0, len(x), batch_size):
            X_batch = x[start:start + batch_size]
            y1, y2 = y[start:start + batch_size, :1], y[start:start + batch_size, 1:]
            yield (X_batch, {'output1': y1, 'output2': y2})


def test_seed_001_fit_generator_with_dict_targets(rng):
    image_input = Input(shape=(10, 10, 1))
    x = Convolution2D(8, 5, 5, subsample=(1, 1))(image_input)
    x = Activation('relu')(x)
    x = Flatten()(x)
    x = Dense(50, W_regularizer=l2(0.0001))(x)
    x = Activation('relu')(x)

    output1 = Dense(1, activation='linear', name='output1')(x)
    output2 = Dense(1, activation='linear', name='output2')(x)

    model = Model(input=image_input, output=[output1, output2])
    model.compile(optimizer='adam', loss={'output1': 'mean_squared_error', 'output2': 'mean_squared_error'})

    X_train = rng.random((12, 10, 10, 1)).astype("float32")
    y_train = rng.random((12, 2)).astype("float32")
    batch_size = 4
    history = model.fit_generator(batch_generator(X_train, y_train, batch_size),
                                  steps_per_epoch=len(X_train) // batch_size, epochs=2, verbose=0)

    logs = history.history
    assert {"loss", "output1_loss", "output2_loss"} <= set(logs)
    assert len(logs["loss"]) == 2
    # The total also holds the L2 penalty, which moves a little as the weights train.
    penalty = 1e-4 * np.sum(np.square(model.layers[4].get_weights()[0]))
    for total, loss1, loss2 in zip(logs["loss"], logs["output1_loss"], logs["output2_loss"]):
        assert np.isfinite(total) and loss1 > 0 and loss2 > 0
        np.testing.assert_allclose(total, loss1 + loss2 + penalty, atol=0.1 * penalty)

    # With weights fixed, evaluate's numbers are exact: per-output MSE and their sum plus the penalty.
    pred1, pred2 = model.predict(X_train, verbose=0)
    mse1 = np.mean((pred1 - y_train[:, :1]) ** 2)
    mse2 = np.mean((pred2 - y_train[:, 1:]) ** 2)
    scores = model.evaluate(X_train, {'output1': y_train[:, :1], 'output2': y_train[:, 1:]},
                            batch_size=12, verbose=0, return_dict=True)
    np.testing.assert_allclose(scores["output1_loss"], mse1, rtol=1e-4)
    np.testing.assert_allclose(scores["output2_loss"], mse2, rtol=1e-4)
    np.testing.assert_allclose(scores["loss"], mse1 + mse2 + penalty, rtol=1e-4)
