"""`layer_checks`: the checks every layer gets (values against a NumPy reference inside Sequential,
functional and subclassed models, config round trips, `.keras` save/load); a group's test file lists cases."""
import dataclasses
from typing import Callable

import numpy as np
import pytest

import kerax
from kerax.saving.layer_registry import deserialize_layer
from kerax.serialization.registry import serialize


@dataclasses.dataclass
class Case:
    make: Callable  # () -> a fresh layer
    inputs: object  # one array or a list of arrays, batch axis first
    reference: Callable  # (layer, inputs) -> the expected output, from the layer's weights in NumPy
    sequential: bool = True  # False for layers called on several inputs
    atol: float = 1e-5

    def call(self, layer, inputs):
        return layer(*inputs) if self.multiple_arguments else layer(inputs)

    @property
    def multiple_arguments(self):
        return isinstance(self.inputs, tuple)  # (query, value) arguments rather than one list input


def _symbolic_inputs(inputs):
    if isinstance(inputs, (list, tuple)):
        return type(inputs)(kerax.Input(x.shape[1:], dtype=str(x.dtype)) for x in inputs)
    return kerax.Input(inputs.shape[1:], dtype=str(inputs.dtype))


def randomize(layer, rng):
    """Non-trivial weights (default initializers are often zeros or ones)."""
    layer.set_weights([rng.uniform(0.5, 1.5, size=w.shape).astype(w.dtype) * rng.choice([-1, 1], size=w.shape)
                       for w in layer.get_weights()])


class LayerChecks:
    def __init__(self, tmp_path, rng):
        self.tmp_path = tmp_path
        self.rng = rng

    def values(self, case):
        """The shape a symbolic call infers, then an eager call: values, shape and dtype against the reference.
        Built by the symbolic call, so there is one eager call per layer (an RNN's eager call compiles)."""
        layer = case.make()
        symbolic = case.call(layer, _symbolic_inputs(case.inputs))
        randomize(layer, self.rng)
        expected = case.reference(layer, case.inputs)
        self._compare(case.call(layer, case.inputs), expected, case.atol)
        assert tuple(symbolic.shape) == (None,) + tuple(np.shape(expected))[1:]
        return layer

    def models(self, case):
        """The layer inside functional, Sequential (single input) and subclassed models; returns the first."""
        models = [self.functional(case)]
        if case.sequential:
            models.append(kerax.Sequential([kerax.Input(case.inputs.shape[1:]), case.make()]))
        inner = case.make()
        case.call(inner, _symbolic_inputs(case.inputs))  # builds it

        class Wrapped(kerax.Model):
            def __init__(self):
                super().__init__()
                self.inner = inner

            def call(self, inputs):
                return case.call(self.inner, inputs)

        for model, layer in [(m, m.layers[-1]) for m in models] + [(Wrapped(), inner)]:
            randomize(layer, self.rng)
            self._compare(model(case.inputs), case.reference(layer, case.inputs), case.atol)
        return models[0]

    def functional(self, case):
        inputs = _symbolic_inputs(case.inputs)
        return kerax.Model(list(inputs) if isinstance(inputs, tuple) else inputs,
                           case.call(case.make(), inputs))

    def config_round_trip(self, layer):
        config = layer.get_config()
        assert type(layer).from_config(config).get_config() == config
        assert deserialize_layer(serialize(layer)).get_config() == config

    def save_load(self, case, model):
        """`model.save` + `load_model`: the same layer class, weights and outputs."""
        path = str(self.tmp_path / "x.keras")
        model.save(path)
        loaded = kerax.models.load_model(path)
        layer = loaded.layers[-1]
        assert type(layer) is type(model.layers[-1])
        for saved, restored in zip(model.layers[-1].get_weights(), layer.get_weights(), strict=True):
            np.testing.assert_array_equal(saved, restored)
        self._compare(loaded(case.inputs), case.reference(layer, case.inputs), case.atol)

    def all(self, **spec):
        """Every check for one case given as `Case` fields."""
        case = Case(**spec)
        self.config_round_trip(self.values(case))
        self.save_load(case, self.models(case))

    @staticmethod
    def _compare(output, expected, atol):
        output = np.asarray(output)
        assert output.shape == np.shape(expected)
        assert output.dtype == np.asarray(expected).dtype
        np.testing.assert_allclose(output, expected, rtol=1e-5, atol=atol)


@pytest.fixture
def layer_checks(tmp_path, rng):
    return LayerChecks(tmp_path, rng)
