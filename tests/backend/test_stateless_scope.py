import numpy as np
import pytest

from kerax import backend, ops


def test_scope_maps_reads_and_records_writes_without_mutating():
    v = backend.Variable(np.ones((2,)), name="v")
    with backend.StatelessScope([(v, np.full((2,), 3.0, "float32"))]) as scope:
        np.testing.assert_allclose(np.asarray(v.value), [3.0, 3.0])
        v.assign(ops.add(v, 1.0))
        np.testing.assert_allclose(np.asarray(v.value), [4.0, 4.0])
    np.testing.assert_allclose(v.numpy(), [1.0, 1.0])
    [(assigned, value)] = scope.assigned_variables()
    assert assigned is v
    np.testing.assert_allclose(np.asarray(value), [4.0, 4.0])


def test_nested_scope_falls_through_to_outer_mapping():
    a = backend.Variable(np.zeros(()), name="a")
    b = backend.Variable(np.zeros(()), name="b")
    with backend.StatelessScope([(a, 1.0)]):
        with backend.StatelessScope([(b, 2.0)]):
            assert float(a.value) == 1.0 and float(b.value) == 2.0


def test_assign_checks_shape():
    v = backend.Variable(np.zeros((2, 3)), name="kernel")
    with pytest.raises(ValueError, match=r"shape \(3,\).*\(2, 3\)"):
        v.assign(np.zeros(3))


def test_variable_arithmetic_and_numpy():
    v = backend.Variable(np.array([1.0, 2.0]), name="v")
    np.testing.assert_allclose(np.asarray(np.ones(2, "float32") + v), [2.0, 3.0])
    np.testing.assert_allclose(np.asarray(v * 2), [2.0, 4.0])
    assert v.dtype == "float32"  # float64 data become floatx


def test_only_backend_imports_jax():
    import pathlib
    import re
    root = pathlib.Path(backend.__file__).parent.parent
    offenders = [
        str(p.relative_to(root)) for p in root.rglob("*.py")
        if "backend/jax" not in str(p) and re.search(r"^\s*(import jax|from jax)", p.read_text(), re.M)
    ]
    assert offenders == []
