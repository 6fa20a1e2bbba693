"""serialize_keras_object turns the Keras objects inside a config into their own configs (Keras 3), so a
custom layer whose get_config returns a regularizer or a layer gives plain, JSON-able data."""
import json

import kerax
from kerax import layers


class Holder(layers.Layer):
    def __init__(self, regularizer=None, inner=None, **kwargs):
        super().__init__(**kwargs)
        self.regularizer = regularizer
        self.inner = inner

    def get_config(self):
        return {**super().get_config(), "regularizer": self.regularizer, "inner": [self.inner]}


def test_objects_in_a_config_are_serialized():
    holder = Holder(kerax.regularizers.L1L2(l1=1e-5, l2=1e-4), layers.Dense(3, name="inner"))
    config = kerax.saving.serialize_keras_object(holder)
    json.dumps(config)
    regularizer = config["config"]["regularizer"]
    assert regularizer["module"] == "keras.regularizers" and regularizer["class_name"] == "L1L2"
    assert regularizer["config"] == {"l1": 1e-5, "l2": 1e-4}
    inner = config["config"]["inner"][0]
    assert inner["class_name"] == "Dense"
    assert inner["config"]["units"] == 3 and inner["config"]["name"] == "inner"
