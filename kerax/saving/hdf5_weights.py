"""Keras 2's HDF5 weights layout (tf.keras `save_weights('x.h5')`, and the `model_weights` group of a
whole-model `.h5` file).

The group's attribute `layer_names` lists the model's layers; each layer has a subgroup of that name whose
attribute `weight_names` lists its weights (e.g. `dense/kernel:0`), each stored as a dataset at that name.
A layer's weights are its trainable weights followed by its non-trainable ones, as Keras orders them.
Weights are matched to layers by position (only layers with weights count) or, with `by_name=True`, by
layer name.
"""
import numpy as np

from kerax.saving import weight_checks
from kerax.saving.json_format import BACKEND, KERAS_VERSION

# HDF5 object headers hold at most 64 KiB of attributes; longer lists are split as name0, name1, ...
_HEADER_LIMIT = 64512


def write_attribute(group, name, values):
    encoded = [v.encode("utf8") for v in values]
    data = np.array(encoded, dtype=f"S{max([1] + [len(v) for v in encoded])}")
    chunks = 1
    while data.nbytes / chunks > _HEADER_LIMIT and chunks < len(data):
        chunks += 1
    if chunks == 1:
        group.attrs[name] = data
        return
    for i, part in enumerate(np.array_split(data, chunks)):
        group.attrs[f"{name}{i}"] = part


def read_attribute(group, name):
    if name in group.attrs:
        parts = [group.attrs[name]]
    else:
        parts, i = [], 0
        while f"{name}{i}" in group.attrs:
            parts.append(group.attrs[f"{name}{i}"])
            i += 1
    values = [v for part in parts for v in np.atleast_1d(part)]
    return [v.decode("utf8") if isinstance(v, bytes) else str(v) for v in values]


def legacy_weights(layer):
    return list(layer.trainable_weights) + list(layer.non_trainable_weights)


def _keras2_path(variable, renames):
    """The variable's path with its last part renamed as tf.keras names it (`keras2_weight_names` of a layer
    class, e.g. DepthwiseConv2D's `kernel`, which tf.keras calls `depthwise_kernel`)."""
    scope, _, name = variable.path.rpartition("/")
    name = renames.get(name, name)
    return f"{scope}/{name}" if scope else name


def _weight_names(variables, renames=None):
    names, seen = [], set()
    for variable in variables:
        path = _keras2_path(variable, renames or {})
        name, n = f"{path}:0", 0
        while name in seen:
            n += 1
            name = f"{path}_{n}:0"
        seen.add(name)
        names.append(name)
    return names


def save_weights_to_group(group, model):
    layers = list(model.layers)
    names = [layer.name for layer in layers]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f'Cannot save to HDF5: model "{model.name}" has several layers named '
                         f"{duplicates}; layer names must be unique.")
    write_attribute(group, "layer_names", names)
    group.attrs["backend"] = BACKEND
    group.attrs["keras_version"] = KERAS_VERSION
    for layer in layers:
        _write_weights(group.create_group(layer.name), legacy_weights(layer),
                       getattr(layer, "keras2_weight_names", None))
    nested = {id(v) for layer in layers for v in layer.weights}
    own = [v for v in model.weights if id(v) not in nested]
    _write_weights(group.create_group("top_level_model_weights"), own)


def _write_weights(group, variables, renames=None):
    names = _weight_names(variables, renames)
    write_attribute(group, "weight_names", names)
    for name, variable in zip(names, variables):
        group.create_dataset(name, data=variable.numpy())


def _datasets(group, layer_name):
    """The layer's datasets, unread: their shapes are checked against the model before any is read."""
    layer_group = group[layer_name]
    return [layer_group[name] for name in read_attribute(layer_group, "weight_names")]


def load_weights_from_group(group, model, source, by_name=False, skip_mismatch=False):
    """Checks every layer against the file first, then assigns: a mismatch leaves the model unchanged."""
    saved = [(name, _datasets(group, name)) for name in read_attribute(group, "layer_names")]
    saved = [(name, values) for name, values in saved if values]
    layers = [layer for layer in model.layers if legacy_weights(layer)]
    if by_name:
        by_layer_name = {layer.name: layer for layer in model.layers}
        pairs = [(by_layer_name[name], name, values) for name, values in saved if name in by_layer_name]
    else:
        if len(layers) != len(saved):
            raise ValueError(
                f"Layer count mismatch when loading weights from {source}: the model has {len(layers)} "
                f"layer(s) with weights ({[layer.name for layer in layers]}), the file has {len(saved)} "
                f"({[name for name, _ in saved]}). Loading weights needs the same architecture, or "
                "`by_name=True` to match layers by name."
            )
        pairs = [(layer, name, values) for layer, (name, values) in zip(layers, saved)]
    checked = []
    for layer, saved_name, values in pairs:
        variables = legacy_weights(layer)
        label = f'layer "{layer.name}"' + ("" if saved_name == layer.name else f' (saved as "{saved_name}")')
        if weight_checks.check(label, variables, values, source, skip_mismatch, layer.built):
            checked.append((variables, values))
    checked += _check_top_level(group, model, source, skip_mismatch)
    weight_checks.assign_all(checked, source)


def _check_top_level(group, model, source, skip_mismatch):
    if "top_level_model_weights" not in group:
        return []
    values = _datasets(group, "top_level_model_weights")
    nested = {id(v) for layer in model.layers for v in layer.weights}
    own = [v for v in model.weights if id(v) not in nested]
    if (values or own) and weight_checks.check(f'model "{model.name}" (its own weights)', own, values, source,
                                               skip_mismatch):
        return [(own, values)]
    return []
