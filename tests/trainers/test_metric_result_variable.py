"""A custom metric whose `result()` returns its Variable itself (the keras.io guide's
CategoricalTruePositives) reports the value the compiled step accumulated, not the Variable's value before
the step."""
import numpy as np

import kerax
from kerax import layers, ops


class Count(kerax.metrics.Metric):
    def __init__(self, name="count", **kwargs):
        super().__init__(name=name, **kwargs)
        self.total = self.add_variable(shape=(), name="total", initializer="zeros")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.total.assign_add(ops.cast(ops.shape(y_pred)[0], "float32"))

    def result(self):
        return self.total

    def reset_state(self):
        self.total.assign(0.0)


def test_metric_returning_its_variable_reports_the_accumulated_value(rng):
    model = kerax.Sequential([kerax.Input((3,)), layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse", metrics=[Count()])
    x, y = rng.random((10, 3)).astype("float32"), rng.random((10, 1)).astype("float32")
    logs = model.evaluate(x, y, batch_size=5, return_dict=True, verbose=0)
    assert logs["count"] == 10.0
    history = model.fit(x, y, batch_size=5, epochs=2, verbose=0)
    assert history.history["count"] == [10.0, 10.0]
