"""Keras 2's whole-model HDF5 file (`model.save('m.h5')`): root attributes `model_config` and
`training_config` (JSON), `keras_version` and `backend`; the weights in the group `model_weights`
(see hdf5_weights.py); the optimizer state in `optimizer_weights`, ordered by its attribute
`weight_names`."""
import json
import warnings

from kerax.saving import compile_config, file_checks, hdf5_weights, json_format, weight_checks
from kerax.saving.atomic_write import atomic_file


def save_model(model, path, include_optimizer=True):
    import h5py

    config = json.dumps(json_format.model_config(model), default=json_format.json_default)
    training = compile_config.training_config(model) if include_optimizer else None
    with atomic_file(path) as tmp, h5py.File(tmp, "w") as f:
        f.attrs["keras_version"] = json_format.KERAS_VERSION
        f.attrs["backend"] = json_format.BACKEND
        f.attrs["model_config"] = config
        if training is not None:
            f.attrs["training_config"] = json.dumps(training, default=json_format.json_default)
        hdf5_weights.save_weights_to_group(f.create_group("model_weights"), model)
        optimizer = model.optimizer if model.compiled else None
        if include_optimizer and optimizer is not None and optimizer.built:
            _save_optimizer(f.create_group("optimizer_weights"), optimizer)


def _save_optimizer(group, optimizer):
    names = [f"{optimizer.name}/{variable.name}" for variable in optimizer.variables]
    hdf5_weights.write_attribute(group, "weight_names", names)
    for name, variable in zip(names, optimizer.variables):
        group.create_dataset(name, data=variable.numpy())


def _attribute_json(f, name):
    value = f.attrs.get(name)
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf8")
    return json.loads(str(value))


def load_model(path, custom_objects=None, compile=True, safe_mode=True):
    with file_checks.open_hdf5(path) as f:
        config = _attribute_json(f, "model_config")
        if config is None:
            raise ValueError(
                f"{path} holds no model configuration (no `model_config` attribute): it is a weights-only "
                "file. "
                "Build the model in code and call `model.load_weights(path)` instead."
            )
        model = json_format.model_from_config(config, custom_objects, safe_mode_enabled=safe_mode)
        hdf5_weights.load_weights_from_group(f["model_weights"], model, path)
        training = _attribute_json(f, "training_config")
        if compile and training is not None:
            compile_config.compile_from_config(model, training, custom_objects)
            if "optimizer_weights" in f and model.optimizer.built:
                _load_optimizer(f["optimizer_weights"], model.optimizer, path)
    return model


def _load_optimizer(group, optimizer, path):
    names = hdf5_weights.read_attribute(group, "weight_names")
    values = [group[name] for name in names]  # unread until their shapes fit
    variables = optimizer.variables
    if len(values) != len(variables) or any(tuple(v.shape) != x.shape for v, x in zip(variables, values)):
        warnings.warn(
            f"Could not restore the optimizer state saved in {path}: it holds {len(values)} variables "
            f"({names[:4]}{'...' if len(names) > 4 else ''}), while optimizer \"{optimizer.name}\" has "
            f"{len(variables)} (files from Keras 2's optimizers order their state differently). The model "
            "starts with a freshly initialized optimizer.",
            stacklevel=3,
        )
        return
    weight_checks.assign_all([(variables, values)], path)
