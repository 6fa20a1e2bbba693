"""kerax.tree against the examples and rules of Keras's tree documentation."""
import collections

import pytest

from kerax import tree

Point = collections.namedtuple("Point", ["x", "y"])
OtherPoint = collections.namedtuple("Point", ["x", "y"])


def test_flatten_and_is_nested():
    assert tree.flatten([[1, 2, 3], [4, [5], [[6]]]]) == [1, 2, 3, 4, 5, 6]
    assert tree.flatten(None) == [None] and tree.flatten(1) == [1]
    assert tree.flatten({100: "world!", 6: "Hello"}) == ["Hello", "world!"]
    ordered = collections.OrderedDict([("b", 1), ("a", 2)])
    assert tree.flatten(ordered) == [1, 2]  # an OrderedDict keeps its own order
    assert tree.flatten([Point(1, None), collections.deque([3])]) == [1, None, 3]
    assert tree.is_nested({"foo": 42}) and tree.is_nested(Point(1, 2)) and not tree.is_nested(42)


def test_flatten_with_path():
    assert tree.flatten_with_path([{"foo": 42}]) == [((0, "foo"), 42)]
    assert tree.flatten_with_path({"b": (1, 2), "a": None}) == [(("a",), None), (("b", 0), 1), (("b", 1), 2)]


def test_map_structure():
    assert tree.map_structure(lambda v: v**2, [[1], [2], [3]]) == [[1], [4], [9]]
    assert tree.map_structure(lambda a, b: a * b, [[1], [2]], [[3], [4]]) == [[3], [8]]
    assert tree.map_structure(lambda v: v * 2, Point(1, 2)) == Point(2, 4)
    assert list(tree.map_structure(str, {"z": 1, "a": 2})) == ["z", "a"]  # key order is kept
    assert tree.map_structure(lambda v: v, [None, 1]) == [None, 1]
    assert tree.map_structure(lambda v: v + 1, [None, 1], none_is_leaf=False) == [None, 2]
    defaults = collections.defaultdict(list, {"a": 1})
    mapped = tree.map_structure(lambda v: v + 1, defaults)
    assert isinstance(mapped, collections.defaultdict) and mapped.default_factory is list and mapped["a"] == 2
    with pytest.raises(ValueError, match="same nested structure"):
        tree.map_structure(lambda a, b: a, [1, 2], [1, [2]])
    with pytest.raises(TypeError):
        tree.map_structure(str)


def test_map_structure_up_to():
    assert tree.map_structure_up_to([None, None], len, [[1, 1], [2, 2]]) == [2, 2]
    assert tree.map_structure_up_to([None, [None, None]], str, [[1, 1], [2, 2]]) == ["[1, 1]", ["2", "2"]]
    assert tree.map_structure_up_to({"a": None}, lambda a, b: a + b, {"a": [1]}, {"a": [2]}) == {"a": [1, 2]}
    with pytest.raises(ValueError, match="shallower"):
        tree.map_structure_up_to([None, [None]], str, [1, 2])


def test_assert_same_structure_and_paths():
    tree.assert_same_structure([(0, 1)], [(2, 3)])
    tree.assert_same_structure(Point(0, 1), Point(2, 3))
    tree.assert_same_structure({"a": 1}, collections.OrderedDict(a=2))
    mismatches = [(Point(0, 1), OtherPoint(2, 3)), ([0, 1], (0, 1)), ([0], [0, 1]), ({"a": 1}, {"b": 1}), (1, [1])]
    for a, b in mismatches:
        with pytest.raises(ValueError, match="same nested structure"):
            tree.assert_same_structure(a, b)
    with pytest.warns(DeprecationWarning):
        tree.assert_same_structure([1], [2], check_types=True)
    tree.assert_same_paths([0, 1], (2, 3))
    tree.assert_same_paths(Point(0, 1), OtherPoint(2, 3))
    with pytest.raises(ValueError, match="Paths in `a` missing in `b`"):
        tree.assert_same_paths({"a": 1, "c": 2}, {"a": 1})


def test_pack_sequence_as():
    structure = {"key3": "", "key1": "", "key2": ""}
    assert tree.pack_sequence_as(structure, ["value1", "value2", "value3"]) == {
        "key3": "value3", "key1": "value1", "key2": "value2"}
    nested = {"key3": {"c": ("alpha", "beta"), "a": "gamma"}, "key1": {"e": "val1", "d": "val2"}}
    assert tree.pack_sequence_as(nested, ["val2", "val1", 3.0, 1.0, 2.0]) == {
        "key3": {"c": (1.0, 2.0), "a": 3.0}, "key1": {"e": "val1", "d": "val2"}}
    assert tree.pack_sequence_as((("a", "b"), ("c", "d", "e"), "f"), range(6)) == ((0, 1), (2, 3, 4), 5)
    assert tree.pack_sequence_as("leaf", [7]) == 7
    with pytest.raises(ValueError, match="3 leaves"):
        tree.pack_sequence_as([1, 2, 3], [1, 2])


def test_traverse():
    visited = []
    assert tree.traverse(visited.append, [(1, 2), [3], {"a": 4}]) == [(1, 2), [3], {"a": 4}]
    assert visited == [[(1, 2), [3], {"a": 4}], (1, 2), 1, 2, [3], 3, {"a": 4}, 4]
    visited = []
    tree.traverse(visited.append, [(1, 2), [3], {"a": 4}], top_down=False)
    assert visited == [1, 2, (1, 2), 3, [3], 4, {"a": 4}, [(1, 2), [3], {"a": 4}]]
    # Top-down, a replaced subtree is not entered; MAP_TO_NONE replaces with None.
    replaced = tree.traverse(lambda x: "T" if isinstance(x, tuple) else tree.MAP_TO_NONE if x == 3 else None,
                             [(1, 2), [3]])
    assert replaced == ["T", [None]]
    doubled = tree.traverse(lambda x: x * 2 if isinstance(x, int) else None, [1, (2,)], top_down=False)
    assert doubled == [2, (4,)]


def test_lists_to_tuples_and_shape_structures():
    assert tree.lists_to_tuples([1, [2, {"a": [3]}]]) == (1, (2, {"a": (3,)}))
    shapes = {"a": (2, None), "b": [(1,), ()], "c": 5}
    assert tree.map_shape_structure(lambda s: ("shape", s) if isinstance(s, tuple) else s, shapes) == {
        "a": ("shape", (2, None)), "b": [("shape", (1,)), ("shape", ())], "c": 5}
