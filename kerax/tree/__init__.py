"""kerax.tree: nested structures (lists, tuples, dicts) of leaves. The bottom of kerax: imports nothing of it."""
from kerax.tree.tree_api import flatten, is_nested, map_structure, pack_sequence_as
