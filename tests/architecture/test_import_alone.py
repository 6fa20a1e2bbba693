"""Every kerax module imports in a fresh interpreter. Python runs a package's `__init__` before any of its
modules, so importing any kerax module first runs kerax/__init__.py, always in the same order: one import of
kerax, then of every module it did not load (optional or lazily used ones), covers what importing each module
"alone" would. (Forgetting kerax between modules only repeated that same first import hundreds of times.)"""
import pathlib
import subprocess
import sys

KERAX = pathlib.Path(__file__).resolve().parents[2] / "kerax"

CHECK = r"""
import importlib, sys, traceback
failures = []
for name in sys.argv[1:]:
    try:
        importlib.import_module(name)
    except Exception:
        failures.append(name + ":\n" + traceback.format_exc(limit=3))
print("\n".join(failures))
sys.exit(1 if failures else 0)
"""


def module_names():
    names = []
    for path in sorted(KERAX.rglob("*.py")):
        parts = list(path.relative_to(KERAX.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_every_module_imports_alone():
    result = subprocess.run([sys.executable, "-c", CHECK, *module_names()], capture_output=True, text=True,
                            timeout=600, env={"KERAX_COMPILATION_CACHE": "0", "PATH": "/usr/bin:/bin",
                                              "PYTHONPATH": str(KERAX.parent)})
    assert result.returncode == 0, result.stdout + result.stderr
