"""What `compile()` was given, as a config (Keras 3's `compile_config`, or Keras 2's `training_config` with
an `optimizer_config`), and a model compiled again from one."""
from kerax import losses, metrics, optimizers
from kerax.serialization import registry as serialization

_SETTINGS = ("loss_weights", "run_eagerly", "steps_per_execution", "jit_compile")


def _serialize_spec(spec):
    """Loss/metric arguments: names stay names, functions become names, objects become configs."""
    if spec is None or isinstance(spec, str):
        return spec
    if isinstance(spec, (list, tuple)):
        return [_serialize_spec(s) for s in spec]
    if isinstance(spec, dict):
        return {k: _serialize_spec(v) for k, v in spec.items()}
    if isinstance(spec, type):
        return spec.__name__
    return serialization.serialize(spec)


def get_compile_config(model):
    arguments = getattr(model, "_compile_arguments", None)
    if not getattr(model, "compiled", False) or arguments is None:
        return None
    config = {"optimizer": optimizers.serialize(model.optimizer)}
    for key in ("loss", "metrics", "weighted_metrics"):
        config[key] = _serialize_spec(arguments.get(key))
    config.update({key: arguments.get(key) for key in _SETTINGS})
    config["steps_per_execution"] = config["steps_per_execution"] or 1  # Keras's default (kerax: automatic)
    return config


def training_config(model):
    """Keras 2's `training_config` attribute of a whole-model HDF5 file."""
    config = get_compile_config(model)
    if config is None:
        return None
    optimizer = config.pop("optimizer")
    config["optimizer_config"] = {"class_name": optimizer["class_name"], "config": optimizer["config"]}
    return config


def _deserialize_spec(spec, module, custom_objects):
    if spec is None:
        return None
    if isinstance(spec, str):
        found = serialization.lookup(spec, {}, custom_objects)
        return spec if found is None else found
    if isinstance(spec, list):
        return [_deserialize_spec(s, module, custom_objects) for s in spec]
    if isinstance(spec, dict) and "class_name" not in spec:
        return {k: _deserialize_spec(v, module, custom_objects) for k, v in spec.items()}
    return module.deserialize(spec, custom_objects=custom_objects)


def _unnest_single_output(spec, model):
    """tf.keras 2 saved metrics per output (`[[m1, m2]]`); for one output that is the list `[m1, m2]`."""
    outputs = getattr(model, "outputs", None) or []
    if isinstance(spec, list) and len(spec) == 1 and isinstance(spec[0], list) and len(outputs) <= 1:
        return spec[0]
    return spec


def compile_from_config(model, config, custom_objects=None):
    """Compiles `model` from a Keras 3 `compile_config` or a Keras 2 `training_config`."""
    optimizer = config.get("optimizer", config.get("optimizer_config"))
    if isinstance(optimizer, dict):
        optimizer = optimizers.deserialize(optimizer, custom_objects=custom_objects)
    elif optimizer is None:
        optimizer = "rmsprop"
    arguments = {"loss": _deserialize_spec(config.get("loss"), losses, custom_objects)}
    for key in ("metrics", "weighted_metrics"):
        spec = _unnest_single_output(config.get(key), model)
        arguments[key] = _deserialize_spec(spec, metrics, custom_objects)
    for key in _SETTINGS:
        if config.get(key) is not None:
            arguments[key] = config[key]
    if arguments.get("steps_per_execution") == 1:
        del arguments["steps_per_execution"]  # Keras's default; kerax then picks its own (faster) default
    model.compile(optimizer=optimizer, **arguments)
    if model.built:
        model.optimizer.build(model._trainable_for_training())
