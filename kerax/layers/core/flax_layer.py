"""FlaxLayer: a layer around a Flax linen module (Keras 3), through the module's `init(rngs, inputs)` and
`apply(variables, inputs, rngs=..., method=..., mutable=...)`. The "params" collection becomes trainable
Variables; every other collection (e.g. "batch_stats") non-trainable state updated by each call. Flax itself
is not imported: any object with linen's `init`/`apply` works (`pip install flax` for linen modules)."""
import inspect

from kerax.layers.core.jax_layer import JaxLayer
from kerax.random.seed_generator import draw_seed
from kerax.serialization import registry as serialization


class FlaxLayer(JaxLayer):
    """Wraps `module` (a `flax.linen.Module`); `method` (default `__call__`, or a method name or a function
    taking the module first) computes the outputs; `variables` (as `module.init` returns them) skips init."""

    def __init__(self, module, method=None, variables=None, **kwargs):
        if not (callable(getattr(module, "init", None)) and callable(getattr(module, "apply", None))):
            raise TypeError(f"FlaxLayer expects a Flax linen module (with `init` and `apply`, "
                            f"`pip install flax`); received {type(module).__name__}: {module!r}.")
        self.module = module
        self.method = getattr(module, method) if isinstance(method, str) else method
        if "training" in inspect.signature(self.method or module.__call__).parameters:
            call_fn, init_fn = self._apply_with_training, self._init_with_training
        else:
            call_fn, init_fn = self._apply, self._init
        params, state = _split(variables)
        super().__init__(call_fn=call_fn, init_fn=init_fn, params=params, state=state, **kwargs)

    def _apply_with_training(self, params, state, rng, inputs, training):
        return self._run_apply(params, state, rng, inputs, {"training": training})

    def _apply(self, params, state, rng, inputs):
        return self._run_apply(params, state, rng, inputs, {})

    def _run_apply(self, params, state, rng, inputs, training):
        # Everything but "params" is mutable state: its new values come back and are assigned.
        outputs, new_state = self.module.apply({**(params or {}), **(state or {})}, inputs, rngs=rng,
                                               method=self.method, mutable=sorted(state or {}), **training)
        return outputs, {name: new_state[name] for name in (state or {})}

    def _init_with_training(self, rng, inputs, training):
        return _split(self.module.init(rng, inputs, method=self.method, training=training))

    def _init(self, rng, inputs):
        return _split(self.module.init(rng, inputs, method=self.method))

    def _init_rng(self):
        return {"params": draw_seed(None), "dropout": draw_seed(None)}

    def _call_rng(self, training):
        return {"dropout": self.seed_generator.next()} if training else {}

    def get_config(self):
        config = super().get_config()
        for key in ("call_fn", "init_fn"):
            config.pop(key)
        method = self.method
        if method is not None and getattr(method, "__self__", None) is self.module:
            method = method.__name__
        config.update({"module": serialization.serialize(self.module),
                       "method": serialization.serialize(method)})
        return config

    @classmethod
    def from_config(cls, config):
        config = dict(config)
        config["module"] = serialization.deserialize_keras_object(config["module"])
        if config.get("method") is not None and not hasattr(config["module"], str(config["method"])):
            config["method"] = serialization.deserialize_keras_object(config["method"])
        return cls(**config)


def _split(variables):
    """Linen variables -> (params, state): {"params": ...} and the other collections."""
    if variables is None:
        return None, None
    params = {"params": variables["params"]} if "params" in variables else {}
    return params, {name: value for name, value in variables.items() if name != "params"}
