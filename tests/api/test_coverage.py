"""Coverage of Keras's public names: keras-3.15.1.json and tf_keras-2.21.0.json (copied from Keras's API
lists) name, per namespace, what Keras exposes. `pytest -s` prints kerax's coverage per namespace.

For the namespaces kerax must cover fully (ENFORCED), every name Keras has must be present, or listed with its
reason in missing_reasons.json. A name whose object is a placeholder (it raises NotImplementedError when
used, see kerax/dtype_policies/quantized.py) does not count as present and must be listed too. Entries that
are no longer missing fail as well, so the reasons file stays true.
"""
import json
import pathlib

import pytest

import kerax

HERE = pathlib.Path(__file__).parent
REFERENCES = ("keras-3.15.1", "tf_keras-2.21.0")
ENFORCED = ("", "layers", "ops", "ops.nn", "ops.numpy", "ops.image", "ops.linalg", "backend", "tree",
            "random", "saving")
REASONS = json.loads((HERE / "missing_reasons.json").read_text())


def namespace(path):
    obj = kerax
    for part in [p for p in path.split(".") if p]:
        obj = getattr(obj, part, None)
    return obj


def is_placeholder(obj):
    """An object kept only so that imports fail clearly: constructing it raises NotImplementedError."""
    return getattr(obj, "placeholder", False) is True


def present(space, name):
    obj = namespace(space)
    return obj is not None and hasattr(obj, name) and not is_placeholder(getattr(obj, name))


def listed(reference, space):
    """{name: (group, reason)} of the names missing_reasons.json gives for this namespace."""
    return {name: (group, reason) for group, by_reference in REASONS.items()
            for name, reason in by_reference.get(reference, {}).get(space, {}).items()}


def wanted(reference):
    lists = json.loads((HERE / f"{reference}.json").read_text())
    return {space: names for space, names in lists.items() if names}


@pytest.mark.parametrize("reference", REFERENCES)
def test_enforced_namespaces_are_complete_or_explained(reference):
    unexplained = {}
    for space, names in wanted(reference).items():
        if space in ENFORCED:
            missing = [n for n in names if not present(space, n) and n not in listed(reference, space)]
            if missing:
                unexplained[space or "kerax"] = missing
    assert not unexplained, (
        f"Names of {reference} missing from kerax with no reason in tests/api/missing_reasons.json: "
        f"{unexplained}. Implement them, or list each with its reason."
    )


@pytest.mark.parametrize("reference", REFERENCES)
def test_reasons_file_lists_only_missing_names(reference):
    stale = {}
    for space, names in wanted(reference).items():
        for name, (group, reason) in listed(reference, space).items():
            where = f"{group}/{reference}/{space}/{name}"
            assert isinstance(reason, str) and reason.strip(), f"{where}: no reason"
            if present(space, name) or name not in names:
                stale.setdefault(group, []).append(f"{space}.{name}" if space else name)
    assert not stale, (
        f"tests/api/missing_reasons.json lists names that kerax now has (or that {reference} does not have): "
        f"{stale}. Delete these entries (an in_progress_* group is deleted once its work is merged)."
    )


def test_placeholders_are_listed_as_missing():
    unlisted = []
    for reference in REFERENCES:
        for space, names in wanted(reference).items():
            obj = namespace(space)
            for name in names:
                if obj is not None and is_placeholder(getattr(obj, name, None)) and (
                        name not in listed(reference, space)):
                    unlisted.append(f"{reference}: {space}.{name}")
    assert not unlisted, (
        f"Placeholder objects (NotImplementedError when used) not in missing_reasons.json: {unlisted}")
    assert is_placeholder(kerax.dtype_policies.GPTQDTypePolicy)  # the detection itself works
    assert not is_placeholder(kerax.dtype_policies.DTypePolicy)


def test_print_coverage_per_namespace():
    """Shown with `pytest -s`."""
    for reference in REFERENCES:
        total = have = 0
        print(f"\n{reference}")
        for space, names in wanted(reference).items():
            count = sum(present(space, n) for n in names)
            total, have = total + len(names), have + count
            print(f"  {space or 'kerax':<24} {count:>4} / {len(names):<4} {100 * count / len(names):6.1f}%"
                  + ("  (enforced)" if space in ENFORCED else ""))
        print(f"  {'all':<24} {have:>4} / {total:<4} {100 * have / total:6.1f}%")
        assert have > 0
