"""Reloading an ExportArchive folder: each endpoint is a callable that runs its serialized program on the
archive's weights. Needs nothing of the code that built the model."""
import json
import os

import numpy as np

from kerax import backend
from kerax.saving.export_archive import MANIFEST, WEIGHTS


class ReloadedArchive:
    """Endpoints as methods (`archive.serve(x)`), and `variables`: the weights, as NumPy arrays."""

    def __init__(self, path):
        manifest_path = os.path.join(path, MANIFEST)
        if not os.path.isfile(manifest_path):
            raise ValueError(f"{path} is not a kerax export archive (no {MANIFEST}); write one with "
                             "model.export(path) or ExportArchive.write_out(path).")
        with open(manifest_path) as f:
            manifest = json.load(f)
        with np.load(os.path.join(path, WEIGHTS)) as weights:
            self.variables = [weights[f"arr_{i}"] for i in range(len(manifest["variables"]))]
        state = [backend.convert_to_tensor(v) for v in self.variables]
        self.endpoint_names = sorted(manifest["endpoints"])
        for name, endpoint in manifest["endpoints"].items():
            with open(os.path.join(path, endpoint["file"]), "rb") as f:
                program = backend.load_exported(f.read())
            setattr(self, name, _endpoint(program, state, endpoint))


def _endpoint(program, state, endpoint):
    leaves = endpoint["inputs"]

    def call(*args):
        flat = _flatten(list(args), endpoint["structure"])
        if len(flat) != len(leaves):
            raise ValueError(f"This endpoint takes {len(leaves)} input array(s) shaped {leaves}; received "
                             f"{len(flat)}.")
        return program(state, *[np.asarray(x, dtype) for x, (_, dtype) in zip(flat, leaves)])

    return call


def _flatten(args, structure):
    """The leaves of `args`, in the order of `structure`'s leaf indices."""
    found = {}

    def walk(value, node):
        if isinstance(node, int):
            found[node] = value
        elif "dict" in node:
            for key, child in node["dict"].items():
                walk(value[key], child)
        else:
            for item, child in zip(value, node.get("list", node.get("tuple"))):
                walk(item, child)

    walk(args, structure)
    return [found[i] for i in sorted(found)]


def load_archive(filepath):
    """The archive `filepath` (written by `model.export` or `ExportArchive.write_out`), ready to run."""
    return ReloadedArchive(os.fspath(filepath))
