"""Input signatures of exported endpoints: any structure (lists, tuples, dicts) of specs (`InputSpec`,
KerasTensor, arrays, `tf.TensorSpec`-like objects with `.shape` and `.dtype`), flattened to (shape, dtype)
leaves and described in JSON so that the reloaded endpoint rebuilds the same structure."""
from kerax import backend


def leaf_spec(spec, where):
    """(shape with None for unknown dimensions, dtype name) of one spec."""
    shape, dtype = getattr(spec, "shape", None), getattr(spec, "dtype", None)
    if shape is None:
        raise ValueError(f"{where}: every input spec needs a shape (e.g. `keras.InputSpec(shape=(None, 3), "
                         f"dtype='float32')`), received {spec!r}.")
    shape = shape.as_list() if hasattr(shape, "as_list") else shape
    dtype = getattr(dtype, "name", dtype) or backend.floatx()
    return [None if n is None else int(n) for n in shape], backend.standardize_dtype(dtype)


def _is_leaf(spec):
    return not isinstance(spec, (list, tuple, dict))


def flatten_signature(signature, where):
    """(leaves, structure): the (shape, dtype) leaves in order and a JSON structure whose leaves are their
    indices."""
    leaves = []

    def walk(node):
        if isinstance(node, dict):
            return {"dict": {key: walk(value) for key, value in node.items()}}
        if not _is_leaf(node):
            return {"list" if isinstance(node, list) else "tuple": [walk(item) for item in node]}
        leaves.append(leaf_spec(node, where))
        return len(leaves) - 1

    return leaves, walk(list(signature))


def pack(structure, flat):
    """The arguments `structure` describes, with the leaves taken from `flat`."""
    if isinstance(structure, int):
        return flat[structure]
    if "dict" in structure:
        return {key: pack(value, flat) for key, value in structure["dict"].items()}
    items = [pack(item, flat) for item in structure.get("list", structure.get("tuple"))]
    return items if "list" in structure else tuple(items)
