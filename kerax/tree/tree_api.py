"""Nested structures (lists, tuples, namedtuples, dicts, deques) of leaves: flatten, map, rebuild. `None` is a
leaf. Dict keys are visited in sorted order (an OrderedDict's in its own order), as in JAX pytrees, so a flat
list always lines up with the engine's own flattening; rebuilt dicts keep their original key order."""
import collections
import warnings


def is_nested(structure):
    return isinstance(structure, (list, tuple, dict, collections.deque))


def _keys(node):
    """The keys of a node's children in flattening order."""
    if isinstance(node, dict):
        return list(node) if isinstance(node, collections.OrderedDict) else sorted(node)
    return range(len(node))


def _rebuild(node, children):
    """A node like `node` holding `children` ({key: child} for dicts, a list otherwise)."""
    if isinstance(node, collections.defaultdict):
        return collections.defaultdict(node.default_factory, ((k, children[k]) for k in node))
    if isinstance(node, dict):
        return type(node)((k, children[k]) for k in node)
    if isinstance(node, tuple) and hasattr(node, "_fields"):
        return type(node)(*children)
    if isinstance(node, collections.deque):
        return collections.deque(children, maxlen=node.maxlen)
    return type(node)(children)


def _map_children(node, fn):
    """`node` rebuilt with `fn(key)` as the child at each key (called in flattening order)."""
    keys = _keys(node)
    children = {k: fn(k) for k in keys}
    return _rebuild(node, children if isinstance(node, dict) else [children[k] for k in keys])


def flatten(structure):
    out = []
    _flatten_into(structure, out)
    return out


def _flatten_into(x, out):
    if is_nested(x):
        for k in _keys(x):
            _flatten_into(x[k], out)
    else:
        out.append(x)


def flatten_with_path(structure):
    """[(path, leaf)], a path being the tuple of keys and indices that leads to the leaf."""
    out = []

    def visit(x, path):
        if is_nested(x):
            for k in _keys(x):
                visit(x[k], path + (k,))
        else:
            out.append((path, x))

    visit(structure, ())
    return out


def map_structure(func, *structures, none_is_leaf=True):
    """func applied to the leaves at the same position of each structure. With `none_is_leaf=False`, None leaves
    stay None without calling func."""
    if not structures:
        raise TypeError("map_structure: give at least one structure.")
    if len(structures) > 1:
        for other in structures[1:]:
            assert_same_structure(structures[0], other)
    return _map(func, structures, none_is_leaf)


def _map(func, structures, none_is_leaf):
    first = structures[0]
    if is_nested(first):
        return _map_children(first, lambda k: _map(func, [s[k] for s in structures], none_is_leaf))
    if first is None and not none_is_leaf:
        return None
    return func(*structures)


def pack_sequence_as(structure, flat_sequence):
    """Rebuilds `structure` with the leaves of `flat_sequence`, taken in `flatten` order."""
    flat_sequence = list(flat_sequence)
    expected = len(flatten(structure))
    if len(flat_sequence) != expected:
        raise ValueError(f"pack_sequence_as: the structure has {expected} leaves but flat_sequence has "
                         f"{len(flat_sequence)} items.")
    leaves = iter(flat_sequence)
    return _map(lambda _: next(leaves), [structure], True)


def assert_same_structure(a, b, check_types=None):
    """Raises ValueError unless a and b nest the same way: same node types (dict kinds are interchangeable;
    list, tuple, each namedtuple class and deque are all different), same keys or lengths. `check_types` is
    deprecated (as in Keras) and has no effect."""
    if check_types is not None:
        warnings.warn("assert_same_structure: `check_types` is deprecated and has no effect; use "
                      "`assert_same_paths` for a check that ignores node types.", DeprecationWarning,
                      stacklevel=2)
    problem = _structure_difference(a, b, ())
    if problem:
        raise ValueError(f"The two structures don't have the same nested structure: {problem}.\nFirst structure: "
                         f"{a!r}\nSecond structure: {b!r}")


def _structure_difference(a, b, path):
    if not is_nested(a) or not is_nested(b):
        return None if is_nested(a) == is_nested(b) else f"at {path}, one is a leaf and the other is not"
    dicts = isinstance(a, dict) and isinstance(b, dict)
    if not dicts and type(a) is not type(b):
        return f"at {path}, {type(a).__name__} vs {type(b).__name__}"
    if (set(a) != set(b)) if dicts else len(a) != len(b):
        return f"at {path}, keys or lengths differ"
    for k in _keys(a):
        problem = _structure_difference(a[k], b[k], path + (k,))
        if problem:
            return problem
    return None
