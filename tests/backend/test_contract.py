"""The backend contract (kerax/backend/contract.py) holds: the JAX engine provides exactly its names, each op
family provides what kerax.ops lists, and nothing above kerax/backend/ names a backend submodule."""
import ast
import importlib
import pathlib

import pytest

import kerax
from kerax.backend import contract
from kerax.ops.symbolic import EXPORTED_FROM_ENGINE

KERAX = pathlib.Path(kerax.__file__).parent
ENGINES = ("jax",)


@pytest.mark.parametrize("engine_name", ENGINES)
def test_engine_provides_exactly_the_contract(engine_name):
    engine = importlib.import_module(f"kerax.backend.{engine_name}")
    assert set(engine.__all__) == set(contract.ENGINE_NAMES)
    missing = [name for name in contract.ENGINE_NAMES if not hasattr(engine, name)]
    assert missing == []


def test_kerax_ops_take_ops_only_from_contract_families():
    assert set(EXPORTED_FROM_ENGINE) <= set(contract.OP_FAMILIES)


@pytest.mark.parametrize("engine_name", ENGINES)
@pytest.mark.parametrize("family", sorted(contract.OP_FAMILIES))
def test_op_family_provides_every_op_kerax_ops_takes_from_it(engine_name, family):
    engine_family = getattr(importlib.import_module(f"kerax.backend.{engine_name}"), family)
    wanted = EXPORTED_FROM_ENGINE.get(family, set())
    assert wanted, f"no kerax.ops function comes from the {family!r} family"
    assert sorted(name for name in wanted if not callable(getattr(engine_family, name, None))) == []


@pytest.mark.parametrize("engine_name", ENGINES)
def test_random_family(engine_name):
    random = importlib.import_module(f"kerax.backend.{engine_name}").random
    assert [name for name in contract.RANDOM if not callable(getattr(random, name, None))] == []


def test_kerax_backend_exposes_the_contract():
    assert [name for name in contract.ENGINE_NAMES if not hasattr(kerax.backend, name)] == []


def test_every_contract_name_is_explained():
    for table in (contract.CORE, contract.OP_FAMILIES, contract.RANDOM):
        assert all(isinstance(meaning, str) and meaning for meaning in table.values())


def test_nothing_above_the_backend_names_a_backend_submodule():
    offenders = []
    for path in KERAX.rglob("*.py"):
        if path.relative_to(KERAX).parts[0] == "backend":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("kerax.backend."):
                offenders.append(f"{path.relative_to(KERAX)}: from {node.module} import ...")
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and \
                    node.value.attr in ("jax", "trainer", "core", "checks") and \
                    isinstance(node.value.value, ast.Name) and node.value.value.id in ("backend", "_backend"):
                offenders.append(f"{path.relative_to(KERAX)}:{node.lineno}: backend.{node.value.attr}.{node.attr}")
    assert offenders == []


def test_variable_state_is_swapped_through_the_contract():
    variable = kerax.backend.Variable(kerax.ops.ones((2,)))
    replacement = kerax.ops.zeros((2,))
    variable.replace_state(replacement)
    assert variable.raw_state() is replacement
    assert variable.numpy().tolist() == [0.0, 0.0]
