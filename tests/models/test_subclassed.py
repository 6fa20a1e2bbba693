import numpy as np
import pytest

import kerax
from kerax import layers


class MyModel(kerax.Model):
    """The seeds' subclassed model, imports changed only."""

    def __init__(self, num_classes=10):
        super(MyModel, self).__init__(name="my_model")
        self.num_classes = num_classes
        self.dense_1 = layers.Dense(32, activation="relu")
        self.dense_2 = layers.Dense(num_classes, activation="sigmoid")

    def call(self, inputs):
        x = self.dense_1(inputs)
        return self.dense_2(x)

    def compute_output_shape(self, input_shape):
        shape = kerax.TensorShape(input_shape).as_list()
        shape[-1] = self.num_classes
        return kerax.TensorShape(shape)


def test_layers_set_as_attributes_are_tracked(rng):
    model = MyModel(num_classes=10)
    x = rng.random((4, 32)).astype("float32")
    y = np.asarray(model(x))
    k1, b1, k2, b2 = model.get_weights()
    expected = 1 / (1 + np.exp(-(np.maximum(x @ k1 + b1, 0) @ k2 + b2)))
    np.testing.assert_allclose(y, expected, rtol=1e-5, atol=1e-6)
    assert model.layers == [model.dense_1, model.dense_2]
    assert model.name == "my_model"


def test_build_without_calling_and_use_in_functional_model():
    model = MyModel(num_classes=3)
    model.build((None, 5))
    assert model.count_params() == 5 * 32 + 32 + 32 * 3 + 3
    inputs = kerax.Input((5,))
    outputs = model(inputs)
    assert outputs.shape == (None, 3)


def test_trainable_flag_moves_weights():
    model = MyModel(num_classes=2)
    model.build((None, 3))
    model.dense_1.trainable = False
    assert len(model.trainable_weights) == 2 and len(model.non_trainable_weights) == 2


def test_count_params_before_build_is_a_clear_error():
    with pytest.raises(ValueError, match="isn't built"):
        MyModel().count_params()


class _Sized(kerax.Model):
    def __init__(self, units, depth, name="sized", **kwargs):
        super().__init__(name=name, **kwargs)
        self.stack = [layers.Dense(units) for _ in range(depth)]

    def call(self, x):
        for layer in self.stack:
            x = layer(x)
        return x


class _BuildsItsGraph(kerax.Model):
    def __init__(self, units):
        inputs = kerax.Input((3,))
        super().__init__(inputs, layers.Dense(units)(inputs))
        self.units = units

    def describe(self):
        return f"{self.units} units"


def test_positional_constructor_arguments_of_a_subclass_are_its_own():
    model = _Sized(4, 2)
    assert not model._is_graph_network and model.name == "sized" and len(model.stack) == 2
    assert model(np.ones((1, 3), "float32")).shape == (1, 4)


def test_subclass_passing_inputs_and_outputs_to_super_becomes_functional():
    model = _BuildsItsGraph(5)
    assert model._is_graph_network and model.output_shape == (None, 5)
    assert model.describe() == "5 units" and isinstance(model, _BuildsItsGraph)
