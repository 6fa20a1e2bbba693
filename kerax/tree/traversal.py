"""Walking nested structures: traversal with replacement, mapping down to a shallower structure, path
comparison, and shape-tuple-aware mapping."""
from kerax.tree.tree_api import _map_children, flatten_with_path, is_nested


class MAP_TO_NONE:
    """Returned by a `traverse` function to replace a subtree with None (returning None keeps it)."""


def traverse(func, structure, top_down=True):
    """Depth-first walk calling `func` on every subtree and leaf. Top-down: a non-None result replaces the subtree
    and is not descended into. Bottom-up: `func` sees the already traversed subtree; a non-None result replaces
    it. `MAP_TO_NONE` replaces with None."""
    if top_down:
        result = func(structure)
        if result is None:
            result = _traverse_children(func, structure, top_down)
    else:
        traversed = _traverse_children(func, structure, top_down)
        result = func(traversed)
        if result is None:
            result = traversed
    return None if result is MAP_TO_NONE else result


def _traverse_children(func, structure, top_down):
    if not is_nested(structure):
        return structure
    return _map_children(structure, lambda k: traverse(func, structure[k], top_down))


def map_structure_up_to(shallow_structure, func, *structures):
    """func applied to the subtrees of `structures` found at the leaves of `shallow_structure`; deeper nesting
    is passed to func whole."""
    if not structures:
        raise TypeError("map_structure_up_to: give at least one structure.")
    if not is_nested(shallow_structure):
        return func(*structures)
    for s in structures:
        if not is_nested(s) or (set(s) != set(shallow_structure) if isinstance(s, dict) else
                                len(s) != len(shallow_structure)):
            raise ValueError("map_structure_up_to: the structures don't have the same nested structure as "
                             "shallow_structure (they may be deeper, not shallower): "
                             f"{s!r} vs {shallow_structure!r}.")
    return _map_children(shallow_structure,
                         lambda k: map_structure_up_to(shallow_structure[k], func, *(s[k] for s in structures)))


def assert_same_paths(a, b):
    """Raises ValueError unless a and b have the same leaf paths (node types are not compared)."""
    a_paths = {path for path, _ in flatten_with_path(a)}
    b_paths = {path for path, _ in flatten_with_path(b)}
    if a_paths != b_paths:
        raise ValueError(f"`a` and `b` don't have the same paths.\nPaths in `a` missing in `b`: "
                         f"{sorted(a_paths - b_paths, key=repr)}\nPaths in `b` missing in `a`: "
                         f"{sorted(b_paths - a_paths, key=repr)}")


def lists_to_tuples(structure):
    return traverse(lambda x: tuple(x) if isinstance(x, list) else None, structure, top_down=False)


def _is_shape(x):
    return isinstance(x, (list, tuple)) and all(isinstance(d, (int, type(None))) for d in x)


def map_shape_structure(func, structure):
    """map_structure where lists and tuples of ints and Nones (shapes) are leaves passed to func whole."""
    if is_nested(structure) and not _is_shape(structure):
        return _map_children(structure, lambda k: map_shape_structure(func, structure[k]))
    return func(structure)
