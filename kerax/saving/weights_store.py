"""Keras 3's weights layout (`model.weights.h5` inside a `.keras` file, and `*.weights.h5`), kerax's native
weights format.

Every object with state gets an HDF5 group `<path>/vars` holding its variables as datasets "0", "1", ...
(trainable first, then non-trainable) and its name as the attribute `name`. Paths follow Keras: the model's
own variables at `vars`, its layers at `layers/<snake_case class name>[_<n>]` (numbered per class, so
the path does not depend on auto-generated layer names), a layer's sublayers at `<layer path>/<attribute>`,
and the optimizer at `optimizer`.
"""
import warnings

from kerax.layers.layer import Layer
from kerax.saving import weight_checks
from kerax.backend import naming

# Attributes every Layer/Model has: never walked as children (the model's layers come from `layers`).
_BASE_ATTRIBUTES = frozenset({
    "_inbound_nodes", "_eager_losses", "_own_variables", "input_spec", "_stack", "_functional", "_nodes",
    "_operations", "_inputs", "_outputs", "_input_structure", "_outputs_structure", "optimizer",
    "_compile_loss", "_compile_metrics", "_loss_tracker", "_compiled_trainable", "_runners",
    "_compiled_forward",
})


def _own_variables(obj):
    ordered = obj._keras_variable_order() if hasattr(obj, "_keras_variable_order") else None
    if ordered is not None:  # a quantized layer: Keras's order for its quantization mode
        return ordered
    if isinstance(obj, Layer):
        own = obj._own_state()
        if not getattr(obj, "_saves_sublayer_variables", False):  # SpectralNormalization saves the kernel too
            # Attributes may also hold sublayers' variables (e.g. a model's list of what it trains): not its
            # own.
            nested = {id(v) for layer in obj._flatten_layers(include_self=False) for v in layer._own_state()}
            own = [v for v in own if id(v) not in nested]
        return [v for v in own if v.trainable] + [v for v in own if not v.trainable]
    if hasattr(obj, "_is_seed_generator"):
        return [obj.state]
    return list(obj.variables)  # optimizer


def _is_stateful(value):
    return isinstance(value, Layer) or hasattr(value, "_is_seed_generator")


def state_entries(model, include_optimizer=True):
    """[(path, object)] for every stateful object of `model`, in Keras's order, each object once."""
    entries, seen = [], set()

    def add(path, obj):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        entries.append((path, obj))
        if getattr(obj, "_is_graph_network", False):
            add_container(_join(path, "layers"), obj.layers)
        if isinstance(obj, Layer):
            walk_children(path, obj)

    def add_container(path, items):
        counts = {}
        for item in items:
            if not _is_stateful(item):
                continue
            base = naming.to_snake_case(type(item).__name__)
            counts[base] = counts.get(base, -1) + 1
            add(_join(path, base if counts[base] == 0 else f"{base}_{counts[base]}"), item)

    def walk_children(path, layer):
        for attribute, value in _children(layer):
            if _is_stateful(value):
                add(_join(path, attribute), value)
            elif isinstance(value, (list, tuple)):
                add_container(_join(path, attribute), value)
            elif isinstance(value, dict):
                add_container(_join(path, attribute), list(value.values()))

    add("", model)
    optimizer = getattr(model, "optimizer", None)
    if include_optimizer and optimizer is not None and optimizer.built:
        entries.append(("optimizer", optimizer))
    return entries


def _children(layer):
    """(attribute, value) pairs in the order Keras 3 walks them: public names first, then private ones, each
    sorted; properties count (MultiHeadAttention's sublayers are saved under `query_dense`, ..., not under
    the attributes `_query_dense` that hold them). The first name that reaches an object gives its path."""
    names = (set(vars(layer)) - _BASE_ATTRIBUTES) | _subclass_properties(type(layer))
    for name in sorted(names, key=lambda n: f"~{n}" if n.startswith("_") else n):
        try:
            yield name, getattr(layer, name)
        except Exception:  # noqa: BLE001 - a property that cannot be read here holds no state to save
            continue


def _subclass_properties(cls):
    """Properties defined by `cls` and its bases below kerax's own Layer, Model and trainer classes."""
    found = set()
    for klass in cls.__mro__:
        if klass.__module__.startswith(_CORE_MODULES) or klass is object:
            continue
        found.update(name for name, value in vars(klass).items() if isinstance(value, property))
    return found


_CORE_MODULES = ("kerax.layers.layer", "kerax.models", "kerax.trainers", "kerax.ops")


def _join(path, name):
    return f"{path}/{name}" if path else name


def _vars_group_name(path):
    return f"{path}/vars" if path else "vars"


def save(model, h5_file, include_optimizer=True):
    for path, obj in state_entries(model, include_optimizer):
        if hasattr(obj, "_is_seed_generator"):
            continue  # Keras 3 saves no random state (a file that holds some still loads)
        group = h5_file.require_group(_vars_group_name(path))
        group.attrs["name"] = getattr(obj, "name", "")
        for i, variable in enumerate(_own_variables(obj)):
            group.create_dataset(str(i), data=variable.numpy())


def load(model, h5_file, source, by_name=False, skip_mismatch=False):
    """Assigns the values stored in `h5_file` (read from `source`, a path for messages) to `model`: every
    object is checked against the file first, then all are assigned (a mismatch changes nothing)."""
    optimizer = getattr(model, "optimizer", None)
    if optimizer is not None and not optimizer.built and "optimizer" in h5_file and model.built:
        optimizer.build(model._trainable_for_training())  # so its saved state can be restored now
    by_name_groups = _groups_by_name(h5_file) if by_name else None
    used, checked = set(), []
    for path, obj in state_entries(model, include_optimizer=True):
        variables = _own_variables(obj)
        is_optimizer = path == "optimizer"
        if by_name and not is_optimizer:
            group = by_name_groups.get(getattr(obj, "name", None)) if variables else None
            if group is None:
                continue
        else:
            group = h5_file.get(_vars_group_name(path))
        if group is None:
            if variables and not is_optimizer and not hasattr(obj, "_is_seed_generator"):
                weight_checks.mismatch(f'layer "{obj.name}" ({path})', [v.shape for v in variables], None,
                                       source, skip_mismatch)
            continue
        used.add(group.name)
        datasets = [group[str(i)] for i in range(len(group.keys()))]  # unread: shapes are checked first
        if is_optimizer:
            fits = _optimizer_fits(obj, datasets, source)
        else:
            fits = weight_checks.check(f'layer "{obj.name}" ({path})', variables, datasets, source,
                                       skip_mismatch, built=getattr(obj, "built", True))
        if fits:
            checked.append((variables, datasets))
    if not (by_name or skip_mismatch):
        weight_checks.check_unused(_groups_with_values(h5_file), used, source)
    weight_checks.assign_all(checked, source)


def _optimizer_fits(optimizer, values, source):
    if len(values) != len(optimizer.variables) or any(
            tuple(v.shape) != tuple(getattr(x, "shape", ())) for v, x in zip(optimizer.variables, values)):
        warnings.warn(
            f"Skipping the optimizer state in {source}: it holds {len(values)} variables, but optimizer "
            f'"{optimizer.name}" has {len(optimizer.variables)}. Training starts with a fresh optimizer '
            "state.",
            stacklevel=4,
        )
        return False
    return True


def _walk_vars_groups(h5_file):
    found = []

    def visit(name, obj):
        if name.split("/")[-1] == "vars" and hasattr(obj, "keys"):
            found.append(obj)

    h5_file.visititems(visit)
    return found


def _groups_with_values(h5_file):
    return {g.name: len(g.keys()) for g in _walk_vars_groups(h5_file)
            if len(g.keys()) and not g.name.startswith("/optimizer")}


def _groups_by_name(h5_file):
    groups = {}
    for group in _walk_vars_groups(h5_file):
        name = group.attrs.get("name")
        if isinstance(name, bytes):
            name = name.decode("utf8")
        if name and not group.name.startswith("/optimizer"):
            groups.setdefault(name, group)
    return groups
