"""JaxLayer: a layer around a pure JAX function `call_fn(params, state, rng, inputs, training)` (Keras 3).
Its `params` become trainable Variables (trained by `fit`), its `state` non-trainable ones that the call's
returned new state is assigned to."""
import inspect

from kerax import backend, ops, tree
from kerax.layers.layer import Layer
from kerax.random.seed_generator import SeedGenerator, draw_seed
from kerax.serialization import registry as serialization

_CALL_ARGUMENTS = ("params", "state", "rng", "inputs", "training")
_INIT_ARGUMENTS = ("rng", "inputs", "training")


class JaxLayer(Layer):
    """Wraps `call_fn` (arguments among params, state, rng, inputs, training; `inputs` required), with
    `init_fn(rng, inputs, training)` returning `params` (or `(params, state)` when call_fn takes `state`) at
    build, or with `params` / `state` given. `seed` drives the `rng` passed in training."""

    def __init__(self, call_fn, init_fn=None, params=None, state=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.call_fn = call_fn
        self.init_fn = init_fn
        self.call_fn_arguments = _validate_signature(call_fn, "call_fn", _CALL_ARGUMENTS)
        self.call_fn_has_params = "params" in self.call_fn_arguments
        self.call_fn_has_state = "state" in self.call_fn_arguments
        self.init_fn_arguments = _validate_signature(init_fn, "init_fn", _INIT_ARGUMENTS) if init_fn else []
        if init_fn is None and params is None and state is None and (
                self.call_fn_has_params or self.call_fn_has_state):
            raise ValueError("`init_fn`, `params` and `state` cannot all be `None` when `call_fn` takes a "
                             "`params` or a `state` argument.")
        self.seed = seed
        self.seed_generator = SeedGenerator(seed) if "rng" in self.call_fn_arguments else None
        self.params = self._create_variables(params, "params", trainable=True)
        self.state = self._create_variables(state, "state", trainable=False)
        if params is not None or state is not None:
            self.built = True

    def _create_variables(self, values, prefix, trainable):
        if values is None:
            return None

        def create(path, value):
            name = "_".join(str(p) for p in path) or prefix
            value = backend.convert_to_tensor(value)
            return self.add_weight(shape=tuple(value.shape), initializer=lambda shape, dtype=None: value,
                                   dtype=backend.standardize_dtype(value.dtype), trainable=trainable,
                                   name=name)

        leaves = [create(path, value) for path, value in tree.flatten_with_path(values)]
        return tree.pack_sequence_as(values, leaves)

    # --- building -------------------------------------------------------------------------------------------
    def build(self, input_shape):
        if self.params is None and self.state is None and (self.call_fn_has_params or self.call_fn_has_state):
            inputs = tree.map_shape_structure(lambda shape: ops.ones([d or 1 for d in shape]), input_shape)
            values = {"rng": self._init_rng(), "inputs": inputs, "training": True}
            result = self.init_fn(*[values[name] for name in self.init_fn_arguments])
            params, state = result if self.call_fn_has_state else (result, None)
            self.params = self._create_variables(params, "params", trainable=True)
            self.state = self._create_variables(state, "state", trainable=False)
        self.built = True

    def _init_rng(self):
        """The `rng` given to init_fn: one key (FlaxLayer gives one per collection)."""
        return draw_seed(None)

    def _call_rng(self, training):
        """The `rng` given to call_fn: a fresh key in training, None in inference."""
        return self.seed_generator.next() if training else None

    # --- computing ------------------------------------------------------------------------------------------
    def call(self, inputs, training=False):
        def read(structure):
            return tree.map_structure(lambda v: v.value, structure) if structure is not None else None

        values = {"params": read(self.params), "state": read(self.state), "inputs": inputs,
                  "training": bool(training)}
        if "rng" in self.call_fn_arguments:
            values["rng"] = self._call_rng(training)
        result = self.call_fn(*[values[name] for name in self.call_fn_arguments])
        if not self.call_fn_has_state:
            return result
        outputs, new_state = result
        self._assign_state(new_state)
        return outputs

    def _assign_state(self, new_state):
        variables = tree.flatten(self.state) if self.state is not None else []
        new_values = tree.flatten(new_state)
        if len(new_values) != len(variables):
            raise ValueError(
                f'Layer "{self.name}": the state returned by `call_fn` has {len(new_values)} arrays, the '
                f"state at initialization {len(variables)}. Structure mismatch: return a state of the same "
                "structure."
            )
        for variable, value in zip(variables, new_values):
            variable.assign(value)

    # --- serialization ------------------------------------------------------------------------------------
    def get_config(self):
        config = super().get_config()
        config.update({"call_fn": serialization.serialize(self.call_fn),
                       "init_fn": serialization.serialize(self.init_fn), "seed": self.seed})
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        for key in ("call_fn", "init_fn"):
            config[key] = serialization.deserialize_keras_object(config[key])
        return cls(**config)


def _validate_signature(fn, fn_name, allowed):
    names = list(inspect.signature(fn).parameters)
    if "inputs" not in names:
        raise ValueError(f"Missing required argument in `{fn_name}`: `inputs`")
    for name in names:
        if name not in allowed:
            raise ValueError(f"Unsupported argument in `{fn_name}`: `{name}`, supported arguments are "
                             f"`{'`, `'.join(allowed)}`")
    return names
