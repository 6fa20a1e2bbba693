"""Nested structures (lists, tuples, dicts) of leaves: flatten, map, rebuild. Dict keys are visited in sorted
order, as in JAX pytrees, so a flat list always lines up with the engine's own flattening."""


def is_nested(x):
    return isinstance(x, (list, tuple, dict))


def flatten(structure):
    out = []
    _flatten_into(structure, out)
    return out


def _flatten_into(x, out):
    if isinstance(x, dict):
        for k in sorted(x):
            _flatten_into(x[k], out)
    elif isinstance(x, (list, tuple)):
        for v in x:
            _flatten_into(v, out)
    else:
        out.append(x)


def map_structure(fn, *structures):
    first = structures[0]
    if isinstance(first, dict):
        return {k: map_structure(fn, *(s[k] for s in structures)) for k in first}
    if isinstance(first, (list, tuple)):
        items = [map_structure(fn, *parts) for parts in zip(*structures)]
        if isinstance(first, tuple) and hasattr(first, "_fields"):
            return type(first)(*items)
        return type(first)(items)
    return fn(*structures)


def pack_sequence_as(structure, flat):
    """Rebuilds `structure` with the leaves of `flat`, taken in `flatten` order."""
    leaves = iter(flat)

    def build(x):
        if isinstance(x, dict):
            rebuilt = {k: build(x[k]) for k in sorted(x)}
            return {k: rebuilt[k] for k in x}
        if isinstance(x, (list, tuple)):
            items = [build(v) for v in x]
            if isinstance(x, tuple) and hasattr(x, "_fields"):
                return type(x)(*items)
            return type(x)(items)
        return next(leaves)

    return build(structure)
