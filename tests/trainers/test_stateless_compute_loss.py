"""Keras 3's `model.stateless_compute_loss`: the compiled loss plus the regularization losses of the given
variable values, nothing assigned to the model's Variables."""
import numpy as np

import kerax
from kerax import layers


def test_stateless_compute_loss_uses_the_given_values(rng):
    inputs = kerax.Input((3,))
    model = kerax.Model(inputs, layers.Dense(2, kernel_regularizer=kerax.regularizers.L2(0.1))(inputs))
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    x, y = rng.random((4, 3)).astype("float32"), rng.random((4, 2)).astype("float32")
    kernel = np.full((3, 2), 0.5, "float32")
    trainable = [kernel, np.zeros(2, "float32")]
    before = [v.numpy().copy() for v in model.trainable_variables]
    y_pred, non_trainable = model.stateless_call(trainable, [], x)
    metric_values = [v.numpy() for v in model.metrics_variables]
    loss, (new_trainable, new_non_trainable, new_metrics) = model.stateless_compute_loss(
        trainable, non_trainable, metric_values, x=x, y=y, y_pred=y_pred)
    expected = np.mean((x @ kernel - y) ** 2) + 0.1 * np.sum(kernel ** 2)
    np.testing.assert_allclose(float(loss), expected, rtol=1e-5)
    assert new_trainable is trainable and new_non_trainable == [] and len(new_metrics) == len(metric_values)
    for variable, value in zip(model.trainable_variables, before):
        np.testing.assert_array_equal(variable.numpy(), value)
