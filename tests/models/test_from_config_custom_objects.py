"""`from_config(config, custom_objects=...)` on Model, Functional, Sequential and a subclassed model: the
custom classes named in the config are found through `custom_objects` (they are not registered)."""
import numpy as np
import pytest

import kerax
from kerax import layers


class Doubling(layers.Layer):
    """Unregistered: only `custom_objects` can resolve its name."""

    def call(self, x):
        return 2.0 * x


def doubled(x):
    return 2.0 * x


class Tower(kerax.Model):
    """A subclassed model whose config names a custom activation, looked up in its constructor."""

    def __init__(self, units, activation, **kwargs):
        super().__init__(**kwargs)
        self.units, self.activation = units, activation
        self.dense = layers.Dense(units, activation=activation)

    def call(self, x):
        return self.dense(x)

    def get_config(self):
        return {**super().get_config(), "units": self.units, "activation": self.activation}


def _functional():
    inputs = kerax.Input((3,))
    return kerax.Model(inputs, Doubling()(layers.Dense(2)(inputs)))


def _sequential():
    return kerax.Sequential([kerax.Input((3,)), layers.Dense(2), Doubling()])


@pytest.mark.parametrize("make_model, entry", [(_functional, "Model"), (_functional, "class"),
                                               (_sequential, "class")],
                         ids=["functional_via_Model", "functional", "sequential"])
def test_graph_models_resolve_custom_layers(make_model, entry):
    model = make_model()
    config = model.get_config()
    cls = kerax.Model if entry == "Model" else type(model)
    with pytest.raises(Exception, match="Doubling"):
        cls.from_config(config)
    rebuilt = cls.from_config(config, custom_objects={"Doubling": Doubling})
    assert type(rebuilt) is type(model)
    assert isinstance(rebuilt.layers[-1], Doubling)
    assert rebuilt.get_config() == config
    rebuilt.set_weights(model.get_weights())
    x = np.arange(6, dtype="float32").reshape(2, 3)
    np.testing.assert_allclose(rebuilt.predict(x, verbose=0), model.predict(x, verbose=0), rtol=1e-6)


def test_subclassed_model_is_built_with_custom_objects_in_scope():
    config = {"name": "tower", "trainable": True, "units": 4, "activation": "doubled"}
    with pytest.raises(ValueError, match="doubled"):
        Tower.from_config(config)
    rebuilt = Tower.from_config(config, custom_objects={"doubled": doubled})
    assert (rebuilt.name, rebuilt.units, rebuilt.dense.activation) == ("tower", 4, doubled)
    assert rebuilt.get_config() == config


def test_model_from_a_config_it_cannot_take_names_the_arguments():
    with pytest.raises(TypeError, match=r"Could not rebuild Model from its config \['layers', 'name'\]"):
        kerax.Model.from_config({"name": "m", "layers": []}, custom_objects={})
