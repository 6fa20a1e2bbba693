"""`compile(optimizer)` with no `loss=`: training minimises the `add_loss` losses alone (Keras's VAE pattern),
with `fit(x)` and `evaluate(x)` taking no targets."""
import numpy as np
import pytest

import kerax
from kerax import layers, ops


class PullToOne(kerax.Model):
    """Its only loss: the mean squared distance of its output to 1, added in `call`."""

    def __init__(self):
        super().__init__()
        self.dense = layers.Dense(2)

    def call(self, x):
        y = self.dense(x)
        self.add_loss(ops.mean(ops.square(y - 1.0)))
        return y


class AddedLoss(layers.Layer):
    def call(self, x):
        self.add_loss(ops.mean(ops.square(x - 1.0)))
        return x


def _functional():
    inputs = kerax.Input((3,))
    return kerax.Model(inputs, AddedLoss()(layers.Dense(2)(inputs)))


@pytest.mark.parametrize("make_model", [PullToOne, _functional], ids=["subclassed", "functional"])
def test_fit_without_targets_minimises_the_added_loss(make_model, rng):
    model = make_model()
    model.compile(optimizer=kerax.optimizers.SGD(learning_rate=0.05))
    x = rng.normal(size=(8, 3)).astype("float32")
    model(x)  # build, to read the initial weights
    kernel, bias = (w.numpy() for w in model.trainable_weights)
    expected = np.mean(np.square(x @ kernel + bias - 1.0))
    np.testing.assert_allclose(model.evaluate(x, verbose=0), expected, rtol=1e-5)

    history = model.fit(x, epochs=5, batch_size=8, verbose=0)
    losses = history.history["loss"]
    np.testing.assert_allclose(losses[0], expected, rtol=1e-5)  # one batch: logged before the update
    assert np.all(np.diff(losses) < 0)
    assert model.evaluate(x, verbose=0) < losses[-1]


def test_no_compiled_loss_and_no_added_loss_is_still_an_error():
    inputs = kerax.Input((3,))
    model = kerax.Model(inputs, layers.Dense(2)(inputs))
    model.compile("sgd")
    with pytest.raises(ValueError, match="No loss to compute.*add_loss"):
        model.fit(np.zeros((4, 3)), np.zeros((4, 2)), verbose=0)
