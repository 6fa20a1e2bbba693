"""Lambda: wraps an arbitrary function as a layer. Its code is saved as Python bytecode, which loading only
runs when the user passes `safe_mode=False`."""
import base64
import inspect
import marshal
import types

from kerax.layers.layer import Layer, _keras_tensors_for
from kerax.serialization import registry as serialization
from kerax.serialization.safe_mode import in_safe_mode
from kerax import tree


class Lambda(Layer):
    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        if not callable(function):
            raise TypeError(f"Lambda: `function` must be callable, received {function!r}.")
        self.function = function
        self._output_shape = output_shape
        self.mask = mask
        self.arguments = arguments or {}
        self._function_accepts_training = "training" in _parameters(function)
        self._function_accepts_mask = "mask" in _parameters(function)
        self.supports_masking = mask is not None

    def call(self, inputs, mask=None, training=None):
        kwargs = dict(self.arguments)
        if self._function_accepts_mask:
            kwargs["mask"] = mask
        if self._function_accepts_training:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)

    def compute_mask(self, inputs, previous_mask=None):
        if callable(self.mask):
            return self.mask(inputs, previous_mask)
        return self.mask

    def compute_output_spec(self, *args, **kwargs):
        if self._output_shape is None:
            return super().compute_output_spec(*args, **kwargs)
        shape = self._output_shape
        inputs = args[0]  # a tensor or a list of tensors
        if callable(shape):
            shape = shape(tree.map_structure(lambda t: t.shape, inputs))
        else:
            shape = (tree.flatten(inputs)[0].shape[0],) + tuple(shape)
        return _keras_tensors_for(shape, self.compute_dtype)

    def get_config(self):
        config = {**super().get_config(), "function": _serialize_function(self.function),
                  "arguments": self.arguments}
        if self._output_shape is not None and not callable(self._output_shape):
            config["output_shape"] = list(self._output_shape)
        return config

    @classmethod
    def from_config(cls, config, safe_mode=None):
        config = dict(config)
        config["function"] = _deserialize_function(config["function"], safe_mode)
        return cls(**config)


def _parameters(function):
    try:
        return inspect.signature(function).parameters
    except (TypeError, ValueError):
        return {}


def _serialize_function(function):
    if isinstance(function, types.LambdaType) and function.__name__ == "<lambda>" or function.__closure__:
        code = base64.b64encode(marshal.dumps(function.__code__)).decode("ascii")
        return {"class_name": "__lambda__", "config": {"code": code, "defaults": function.__defaults__}}
    return serialization.serialize(function)


def _deserialize_function(config, safe_mode):
    is_bytecode = isinstance(config, dict) and config.get("class_name") == "__lambda__"
    is_keras2_bytecode = isinstance(config, (list, tuple))
    if not (is_bytecode or is_keras2_bytecode):
        found = serialization.lookup(config, {})
        if found is None:
            raise ValueError(f"Lambda: unknown function {config!r}. Pass it in `custom_objects`.")
        return found
    if safe_mode is False or (safe_mode is None and not in_safe_mode()):
        if is_keras2_bytecode:
            code, defaults = config[0], config[1]
        else:
            code, defaults = config["config"]["code"], config["config"].get("defaults")
        raw = marshal.loads(base64.b64decode(code))
        return types.FunctionType(raw, globals(), None, tuple(defaults) if defaults else None)
    raise ValueError(
        "Requested the deserialization of a Lambda layer whose function is Python bytecode. Loading it would "
        "run code from the file, which is unsafe if the file is not from a trusted source. If you trust the "
        "file, pass `safe_mode=False` to the loading function (e.g. `load_model(path, safe_mode=False)`)."
    )
