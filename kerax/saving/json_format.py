"""A model's architecture as JSON or YAML in Keras's schema: `class_name`, `config`, `keras_version`,
`backend` (plus Keras 3's `module` and `registered_name`). YAML is written and read with PyYAML's safe
dumper and loader only, so a YAML file can never construct Python objects."""
import json

from kerax.saving import layer_registry
from kerax.serialization import registry as serialization, safe_mode
from kerax.version import __version__

KERAS_VERSION = f"{__version__}-kerax"
BACKEND = "jax"


def model_config(model):
    """The model's serialized architecture (no weights). Subclassed models need their own `get_config`; a
    plain layer saved on its own (a FeatureSpace) has one."""
    if hasattr(model, "_has_own_config") and not model._is_graph_network and not model._has_own_config():
        raise NotImplementedError(
            f'Model "{model.name}" is a subclassed model ({type(model).__name__}): its architecture is '
            "Python code in `call`, which cannot be saved as a config. Save its weights with "
            "`model.save_weights(path)` and rebuild the model from code before `load_weights(path)`, or "
            "define `get_config()` (and register the class) to make it serializable."
        )
    config = serialization.serialize(model)
    build_shape = getattr(model, "_build_input_shape", None)
    if build_shape is not None and not getattr(model, "_is_graph_network", False):
        config["build_config"] = {"input_shape": build_shape}  # Keras 3's key: rebuilt before loading weights
    config.update({"keras_version": KERAS_VERSION, "backend": BACKEND})
    return config


def model_from_config(config, custom_objects=None, safe_mode_enabled=None):
    """Rebuilds a model (or layer) from its serialized form, in Keras 2 or Keras 3 format."""
    if not isinstance(config, dict) or "class_name" not in config:
        raise ValueError(
            "model_from_config() expects a dict with 'class_name' and 'config' keys (what `model.to_json()` "
            f"writes), received: {str(config)[:200]!r}"
        )
    with safe_mode.SafeModeScope(safe_mode_enabled):
        model = layer_registry.deserialize_layer(config, custom_objects)
    build_shape = (config.get("build_config") or {}).get("input_shape")
    if not model.built and build_shape is not None:
        model.build(_as_tuples(build_shape))
    return model


def _as_tuples(shape):
    """JSON turned shapes into lists: `[None, 4]` is one shape, `[[None, 4], [None, 2]]` several."""
    if isinstance(shape, (list, tuple)) and all(d is None or isinstance(d, int) for d in shape):
        return tuple(shape)
    if isinstance(shape, dict):
        return {k: _as_tuples(v) for k, v in shape.items()}
    return [_as_tuples(s) for s in shape]


def to_json(model, **kwargs):
    return json.dumps(model_config(model), default=json_default, **kwargs)


def model_from_json(json_string, custom_objects=None):
    try:
        config = json.loads(json_string)
    except (TypeError, json.JSONDecodeError) as error:
        raise ValueError(f"model_from_json(): the string is not valid JSON ({error}).") from None
    return model_from_config(config, custom_objects)


def to_yaml(model, **kwargs):
    import yaml

    return yaml.safe_dump(json.loads(to_json(model)), **kwargs)


def model_from_yaml(yaml_string, custom_objects=None):
    import yaml

    try:
        config = yaml.safe_load(yaml_string)
    except yaml.YAMLError as error:
        raise ValueError(
            "model_from_yaml(): the string is not valid YAML, or it uses tags that the safe loader refuses "
            f"(only plain YAML is read; no Python objects are constructed): {error}"
        ) from None
    return model_from_config(config, custom_objects)


def json_default(obj):
    """NumPy scalars and arrays, and tuples-as-shapes, the way Keras writes them."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    if hasattr(obj, "as_list"):
        return obj.as_list()
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable: {obj!r}")
