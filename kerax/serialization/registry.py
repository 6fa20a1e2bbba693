"""One registry and one format for every serializable object.

`serialize(obj)` gives `{"module", "class_name", "config", "registered_name"}` (Keras 3's format, which also
reads as tf.keras's `{"class_name", "config"}`); plain functions serialize to their name.
"""
import difflib
import importlib
import threading

from kerax.serialization.config_compat import construct
from kerax.serialization.safe_mode import SafeModeScope

_GLOBAL_CUSTOM_OBJECTS = {}
_scope = threading.local()


def register_keras_serializable(package="Custom", name=None):
    """Decorator: makes a class or function findable by `deserialize` as `package>name` (and by `name`)."""

    def decorator(obj):
        registered = f"{package}>{name or obj.__name__}"
        if registered in _GLOBAL_CUSTOM_OBJECTS:
            raise ValueError(f"{registered} has already been registered to {_GLOBAL_CUSTOM_OBJECTS[registered]}")
        _GLOBAL_CUSTOM_OBJECTS[registered] = obj
        obj._registered_name = registered
        return obj

    return decorator


def get_registered_name(obj):
    return getattr(obj, "_registered_name", None) or getattr(obj, "__name__", type(obj).__name__)


def get_custom_objects():
    return _GLOBAL_CUSTOM_OBJECTS


class custom_object_scope:
    """`with custom_object_scope({'MyLayer': MyLayer}):` makes the names resolvable while loading."""

    def __init__(self, *objects):
        self.objects = {}
        for mapping in objects:
            self.objects.update(mapping or {})

    def __enter__(self):
        self._previous = getattr(_scope, "objects", {})
        _scope.objects = {**self._previous, **self.objects}
        return self

    def __exit__(self, *exc):
        _scope.objects = self._previous


CustomObjectScope = custom_object_scope


def _scoped_objects():
    return getattr(_scope, "objects", {})


def serialize(obj):
    if obj is None:
        return None
    if isinstance(obj, (str, int, float, bool)):
        return obj
    if hasattr(obj, "get_config") and not isinstance(obj, type):
        cls = type(obj)
        # An object standing for a Keras class kerax has no class of its own for keeps that class's identity.
        module, class_name = getattr(obj, "keras_identity", None) or (keras_module_of(cls), cls.__name__)
        return {
            "module": module,
            "class_name": class_name,
            "config": _serialize_nested(obj.get_config()),
            "registered_name": getattr(cls, "_registered_name", None) or class_name,
        }
    if callable(obj) and hasattr(obj, "__name__"):
        return getattr(obj, "_registered_name", None) or obj.__name__
    raise TypeError(f"Cannot serialize {obj!r}: it has no get_config() and is not a named function.")


def _serialize_nested(value):
    """A config's Keras objects (a layer, a regularizer given to a custom layer) as their own configs, as
    Keras's serialize_keras_object does, so that the config is plain JSON-able data."""
    if isinstance(value, dict):
        return {k: _serialize_nested(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_serialize_nested(v) for v in value]
    if hasattr(value, "get_config") and not isinstance(value, type):
        return serialize(value)
    return value


# kerax package -> the public Keras module Keras looks the class up in when it loads a file kerax wrote.
_KERAS_MODULES = {
    "kerax.layers": "keras.layers", "kerax.initializers": "keras.initializers",
    "kerax.regularizers": "keras.regularizers", "kerax.constraints": "keras.constraints",
    "kerax.optimizers.schedules": "keras.optimizers.schedules", "kerax.optimizers": "keras.optimizers",
    "kerax.losses": "keras.losses", "kerax.metrics": "keras.metrics",
    "kerax.activations": "keras.activations", "kerax.quantizers": "keras.quantizers",
    "kerax.models.functional": "keras.src.models.functional", "kerax.models": "keras",
}


def keras_module_of(cls):
    """Keras's `module` for a built-in class (e.g. "keras.layers"); a custom class keeps its own module."""
    module = cls.__module__
    if not module.startswith("kerax"):
        return module
    for prefix, keras_module in _KERAS_MODULES.items():
        if module == prefix or module.startswith(prefix + "."):
            return keras_module
    return "keras"


def lookup(name, module_objects, custom_objects=None):
    """The object registered as `name`: custom objects first, then the module's own names."""
    for table in (custom_objects or {}, _scoped_objects(), _GLOBAL_CUSTOM_OBJECTS):
        if name in table:
            return table[name]
    for table in (_GLOBAL_CUSTOM_OBJECTS,):
        for registered, obj in table.items():
            if registered.split(">")[-1] == name:
                return obj
    return module_objects.get(name)


def unknown_name_error(kind, name, module_objects):
    names = sorted(k for k in module_objects if not k.startswith("_"))
    close = difflib.get_close_matches(str(name), names, n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return ValueError(
        f"Unknown {kind}: {name!r}.{hint} Valid names: {', '.join(names)}. For a custom {kind}, pass it as an "
        f"object, or register it with `@kerax.saving.register_keras_serializable()` / `custom_objects=`."
    )


def deserialize(config, module_objects, kind, custom_objects=None):
    """Builds an object from a name or a serialized dict, looking names up in `module_objects`."""
    if config is None:
        return None
    if isinstance(config, str):
        obj = lookup(config, module_objects, custom_objects)
        if obj is None:
            raise unknown_name_error(kind, config, module_objects)
        return obj
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(f"Could not interpret {kind} configuration: {config!r}")
    class_name = config.get("registered_name") or config["class_name"]
    cls = lookup(class_name, module_objects, custom_objects) or lookup(
        config["class_name"], module_objects, custom_objects
    )
    if cls is None:
        raise unknown_name_error(kind, config["class_name"], module_objects)
    inner = config.get("config", {})
    if isinstance(cls, type):
        build = cls.from_config if hasattr(cls, "from_config") else (lambda c: cls(**c))
        with custom_object_scope(custom_objects or {}):
            return construct(cls, inner, build)
    return cls  # a registered function


def resolve(identifier, module_objects, kind, custom_objects=None):
    """What `<module>.get(identifier)` returns: a name or config is looked up, a class is instantiated with
    its defaults, and an instance or any other callable is returned as it is."""
    obj = identifier
    if isinstance(identifier, (str, dict)):
        obj = deserialize(identifier, module_objects, kind, custom_objects)
    if isinstance(obj, type):
        obj = obj()
    if not callable(obj):
        raise ValueError(
            f"Could not interpret {kind} identifier: {identifier!r}. Expected a name, a config dict, "
            "a class, an instance or a callable."
        )
    return obj


# Keras 3's general entry points (`keras.saving` / `keras.utils`), thin layers over the functions above.
def get_registered_object(name, custom_objects=None, module_objects=None):
    """The object registered as `name` (custom object scope, then global registry), else the one in
    `custom_objects` or `module_objects`; None when there is none."""
    for table in (_scoped_objects(), _GLOBAL_CUSTOM_OBJECTS, custom_objects or {}, module_objects or {}):
        if name in table:
            return table[name]
    return None


def serialize_keras_object(obj):
    return serialize(obj)


def _public_objects(keras_module):
    """The public names of the kerax package standing for a Keras module ("keras.layers" -> kerax.layers)."""
    if not keras_module or not (keras_module == "keras" or keras_module.startswith("keras.")):
        return {}
    reverse = {keras: kerax for kerax, keras in _KERAS_MODULES.items()}
    name = reverse.get(keras_module) or "kerax" + keras_module[len("keras"):].replace(".src", "", 1)
    try:
        module = importlib.import_module(name)  # chosen by the config at run time, so not a top-level import
    except ImportError:
        return {}
    return {k: v for k, v in vars(module).items() if not k.startswith("_")}


def deserialize_keras_object(config, custom_objects=None, safe_mode=True, **kwargs):
    """The object a `serialize_keras_object` config describes; plain values pass through, lists and dicts of
    configs are deserialized item by item, and a name is looked up (or returned as it is when unknown)."""
    module_objects = kwargs.pop("module_objects", None) or {}
    if isinstance(config, (list, tuple)):
        return [deserialize_keras_object(c, custom_objects, safe_mode, module_objects=module_objects)
                for c in config]
    if isinstance(config, str):
        found = get_registered_object(config, custom_objects, module_objects)
        return config if found is None else found
    if not isinstance(config, dict):
        return config
    if "class_name" not in config or "config" not in config:
        return {k: deserialize_keras_object(v, custom_objects, safe_mode, module_objects=module_objects)
                for k, v in config.items()}
    objects = {**_public_objects(config.get("module")), **module_objects}
    if config["class_name"] == "function":
        name = config.get("registered_name") or config["config"]
        return deserialize(name, objects, "function", custom_objects)
    with SafeModeScope(safe_mode):
        return deserialize(config, objects, "object", custom_objects)
