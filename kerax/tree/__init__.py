"""kerax.tree: nested structures (lists, tuples, dicts) of leaves. The bottom of kerax: imports nothing of it."""
from kerax.tree.traversal import (
    MAP_TO_NONE, assert_same_paths, lists_to_tuples, map_shape_structure, map_structure_up_to, traverse,
)
from kerax.tree.tree_api import (
    assert_same_structure, flatten, flatten_with_path, is_nested, map_structure, pack_sequence_as,
)
