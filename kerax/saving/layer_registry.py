"""Layers (and models) by class name, for rebuilding models from configs.

Looks names up in the custom objects, the registered ones, every public class of `kerax.layers` and the
model classes. Arguments of other Keras versions that kerax does not know are dropped (config_compat.py).
"""
import inspect

from kerax import layers, ops
from kerax.backend import naming
from kerax.layers import core
from kerax.layers.layer import Layer
from kerax.ops.symbolic import SymbolicOp
from kerax.serialization import config_compat, registry as serialization

# Names older Keras versions wrote for classes kerax knows under another name (tf.keras < 2.4 wrote
# "Model" for functional models).
_ALIASES = {"Model": "Functional"}
# A `kerax.ops` function called in a functional graph (kerax before 0.2 wrote "OpLayer").
_SYMBOLIC_OP_NAMES = ("SymbolicOp", "OpLayer")


# The model classes (Model, Functional, Sequential): kerax.models registers them, as it sits above saving.
_MODEL_CLASSES = {}


def register_model_classes(*classes):
    _MODEL_CLASSES.update({cls.__name__: cls for cls in classes})


def layer_classes():
    """Every layer and model class of kerax by class name (and public alias)."""
    found = dict(_MODEL_CLASSES)
    for module in (core, layers):
        for name, obj in vars(module).items():
            if isinstance(obj, type) and issubclass(obj, Layer) and not name.startswith("_"):
                found[name] = obj
                found.setdefault(obj.__name__, obj)
    found.update({old: found[new] for old, new in _ALIASES.items()})
    return found


def get_layer_class(config, custom_objects=None):
    known = layer_classes()
    class_name = config["class_name"]
    for name in (config.get("registered_name"), class_name):
        if name:
            cls = serialization.lookup(name, known, custom_objects)
            if cls is not None:
                return cls
    raise serialization.unknown_name_error("layer", class_name, known)


def deserialize_layer(config, custom_objects=None):
    """A layer (or nested model) from `{"class_name": ..., "config": {...}}` (Keras 2 or Keras 3 format)."""
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(f"Expected a layer config with a 'class_name' key, received: {config!r}")
    if config["class_name"] in _SYMBOLIC_OP_NAMES:
        settings = dict(config.get("config") or {})
        return SymbolicOp(_op_function(settings.pop("function")), name=settings.get("name"))
    if _is_keras_operation(config, custom_objects):
        return _saved_operation(config)
    cls = get_layer_class(config, custom_objects)
    inner = config.get("config") or {}
    inner = dict(inner) if isinstance(inner, dict) else inner  # Keras 2.0's Sequential config is a list
    with serialization.custom_object_scope(custom_objects or {}):
        if "custom_objects" in inspect.signature(cls.from_config).parameters:
            return cls.from_config(inner, custom_objects=custom_objects)
        return config_compat.construct(cls, inner, cls.from_config)


def _is_keras_operation(config, custom_objects):
    """Keras 3 marks operation nodes with their module; its legacy `.h5` files leave the module out, so there a
    class name that no layer (custom ones included) has but an op has (NotEqual -> ops.not_equal) counts too."""
    if "module" in config:
        return str(config["module"]).startswith("keras.src.ops")
    name = config["class_name"]
    return serialization.lookup(name, layer_classes(), custom_objects) is None and callable(
        getattr(ops, naming.to_snake_case(name), None))


def _saved_operation(config):
    """A Keras 3 operation node (`{"module": "keras.src.ops.numpy", "class_name": "NotEqual", ...}`) as the kerax
    op of the same name."""
    function = naming.to_snake_case(config["class_name"])
    if not callable(getattr(ops, function, None)):
        raise ValueError(f"The saved model uses the Keras operation {config['class_name']!r} "
                         f"({config.get('module', 'keras.src.ops')}), which kerax.ops does not have "
                         f"(looked for `ops.{function}`).")
    settings = dict(config.get("config") or {})
    name = settings.pop("name", None) or config.get("name")
    identity = (config.get("module") or "keras.src.ops.numpy", config["class_name"])
    return SymbolicOp(getattr(ops, function), settings, identity, name=name)


def _op_function(name):
    function = getattr(ops, name, None)
    if not callable(function):
        raise ValueError(f"The saved model calls `ops.{name}`, which this version of kerax does not have.")
    return function
