"""The nested-dict view of a Keras 3 weights file that `KerasFileEditor` edits: {"layers": {"dense":
{"0": kernel, "1": bias}}, ...}, without the `vars` groups of the HDF5 layout (weights_store.py)."""
import numpy as np

from kerax.saving import weights_store


def read_groups(group, path=""):
    """(weights dict, {object path: its HDF5 attributes}) of an HDF5 group."""
    weights, metadata = {}, {}
    if group.attrs:
        metadata[path] = dict(group.attrs)
    for key in group.keys():
        link = group.get(key, getlink=True)
        if type(link).__name__ in ("ExternalLink", "SoftLink"):
            raise ValueError(f"Not allowed: H5 file with {type(link).__name__} at {path}/{key}")
        value = group[key]
        inner = f"{path}/{key}" if path else key
        if hasattr(value, "keys"):  # a group
            source = value["vars"] if "vars" in value else value
            if len(source) == 0:
                continue
            if source is not value and value.attrs:
                metadata[inner] = dict(value.attrs)
            weights[key], found = read_groups(source, inner)
            metadata.update(found)
        else:
            weights[key] = value[()]
    return weights, metadata


def write_groups(h5_file, weights, metadata, path=""):
    """Writes a weights dict in the layout it was read from: each object's arrays in `<path>/vars`."""
    arrays = {k: v for k, v in weights.items() if not isinstance(v, dict)}
    if arrays:
        group = h5_file.require_group(f"{path}/vars" if path else "vars")
        for name, value in arrays.items():
            group.create_dataset(name, data=np.asarray(value))
        if "name" in metadata.get(path, {}):
            group.attrs["name"] = metadata[path]["name"]
    for key, value in weights.items():
        if isinstance(value, dict) and value:
            write_groups(h5_file, value, metadata, f"{path}/{key}" if path else key)


def model_spec(model):
    """The weights dict a file saved from `model` holds, with the shape of each array instead of it."""
    spec = {}
    for path, obj in weights_store.state_entries(model):
        if hasattr(obj, "_is_seed_generator"):
            continue
        variables = weights_store._own_variables(obj)
        if not variables:
            continue
        node = spec
        for part in [p for p in path.split("/") if p]:
            node = node.setdefault(part, {})
        node.update({str(i): tuple(v.shape) for i, v in enumerate(variables)})
    return spec


def find_objects(weights, name, path=""):
    """[(parent dict, key, path)] of every object or weight named `name`, at any depth."""
    found = []
    for key, value in weights.items():
        inner = f"{path}/{key}" if path else key
        if key == name:
            found.append((weights, key, inner))
        if isinstance(value, dict):
            found.extend(find_objects(value, name, inner))
    return found


def print_tree(weights, metadata, prefix="  ", path=""):
    for index, (key, value) in enumerate(weights.items()):
        connector = "└─ " if index == len(weights) - 1 else "├─ "
        inner = f"{path}/{key}" if path else key
        if isinstance(value, dict):
            name = metadata.get(inner, {}).get("name")
            print(f"{prefix}{connector}{key}" + (f" ('{name}')" if name else ""))
            print_tree(value, metadata, prefix + ("    " if connector == "└─ " else "│   "), inner)
        else:
            print(f"{prefix}{connector}{key}: shape={np.shape(value)}, dtype={np.asarray(value).dtype}")
