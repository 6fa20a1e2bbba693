"""Layers (and models) by class name, for rebuilding models from configs.

Looks names up in the custom objects, the registered ones, every public class of `kerax.layers` and the
model classes. Arguments of other Keras versions that kerax does not know are dropped (config_compat.py).
"""
import inspect

from kerax.serialization import config_compat, registry as serialization

# Names older Keras versions wrote for classes kerax knows under another name (tf.keras < 2.4 wrote
# "Model" for functional models).
_ALIASES = {"Model": "Functional"}


def layer_classes():
    """Every layer and model class of kerax by class name (and public alias)."""
    from kerax import layers, models
    from kerax.layers import core
    from kerax.layers.layer import Layer

    found = {}
    for module in (core, layers, models):
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
    from kerax import ops
    from kerax.backend.common.naming import to_snake_case

    name = config["class_name"]
    return serialization.lookup(name, layer_classes(), custom_objects) is None and callable(
        getattr(ops, to_snake_case(name), None))


def _saved_operation(config):
    """A Keras 3 operation node (`{"module": "keras.src.ops.numpy", "class_name": "NotEqual", ...}`) as the kerax
    op of the same name."""
    from kerax import ops
    from kerax.layers.core.op_layer import SavedOperation
    from kerax.backend.common.naming import to_snake_case

    function = to_snake_case(config["class_name"])
    if not callable(getattr(ops, function, None)):
        raise ValueError(f"The saved model uses the Keras operation {config['class_name']!r} "
                         f"({config.get('module', 'keras.src.ops')}), which kerax.ops does not have "
                         f"(looked for `ops.{function}`).")
    settings = dict(config.get("config") or {})
    name = settings.pop("name", None) or config.get("name")
    identity = (config.get("module") or "keras.src.ops.numpy", config["class_name"])
    return SavedOperation(function, settings, identity, name=name)
