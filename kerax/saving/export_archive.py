"""ExportArchive: a self-contained inference artifact (a folder) holding compiled endpoints and the weights
they read. Each endpoint is a serialized program (`backend.export_function`, StableHLO through jax.export)
taking the weights as arguments, so the artifact reloads and runs without the model's Python code:
`kerax.export.load_archive(path).serve(x)`. Dimensions given as None stay free (any batch size)."""
import json
import os

import numpy as np

from kerax import backend
from kerax.backend import StatelessScope
from kerax.saving import export_spec
from kerax.saving.atomic_write import atomic_directory

MANIFEST = "kerax_export.json"
WEIGHTS = "variables.npz"


class ExportArchive:
    def __init__(self):
        self._tracked = []
        self._endpoints = {}  # name -> (fn, leaves, structure)

    def track(self, resource):
        """Makes the variables of `resource` (a layer or model) weights of the archive, passed to every
        endpoint; anything else an endpoint reads is compiled into it as a constant."""
        if not hasattr(resource, "variables"):
            raise ValueError(f"ExportArchive.track() expects a layer or model, received {resource!r}.")
        self._tracked.append(resource)
        return resource

    @property
    def variables(self):
        seen, found = set(), []
        for resource in self._tracked:
            for variable in resource.variables:
                if id(variable) not in seen:
                    seen.add(id(variable))
                    found.append(variable)
        return found

    def add_endpoint(self, name, fn, input_signature=None, **kwargs):
        """Registers `fn(*args)` as the endpoint `name`, for arguments shaped like `input_signature` (a
        list with one spec, or structure of specs, per positional argument)."""
        if not isinstance(name, str) or not name.isidentifier() or name in self._endpoints:
            raise ValueError(f"Endpoint names must be new Python identifiers; received {name!r} (taken: "
                             f"{sorted(self._endpoints)}).")
        if input_signature is None:
            raise ValueError(f'add_endpoint("{name}"): pass `input_signature`, e.g. '
                             "[keras.InputSpec(shape=(None, 3), dtype='float32')]: kerax compiles the "
                             "endpoint for it.")
        leaves, structure = export_spec.flatten_signature(input_signature, f'add_endpoint("{name}")')
        self._endpoints[name] = (fn, leaves, structure)
        return fn

    def track_and_add_endpoint(self, name, resource, input_signature, **kwargs):
        self.track(resource)
        return self.add_endpoint(name, resource.__call__, input_signature, **kwargs)

    def write_out(self, filepath, options=None, verbose=True):
        """Compiles every endpoint and writes the archive folder `filepath`."""
        if not self._endpoints:
            raise ValueError("No endpoints to write: call add_endpoint() first.")
        variables = self.variables
        state = [v.value for v in variables]
        manifest = {"format": "kerax.export", "version": 1, "endpoints": {},
                    "variables": [v.path for v in variables]}
        path = os.fspath(filepath)
        with atomic_directory(path) as tmp:
            for name, (fn, leaves, structure) in self._endpoints.items():
                program = backend.export_function(_pure(fn, variables, structure), state, leaves)
                with open(os.path.join(tmp, f"{name}.jaxexport"), "wb") as f:
                    f.write(program)
                manifest["endpoints"][name] = {"file": f"{name}.jaxexport", "inputs": leaves,
                                               "structure": structure}
            np.savez(os.path.join(tmp, WEIGHTS), *[backend.convert_to_numpy(v) for v in state])
            with open(os.path.join(tmp, MANIFEST), "w") as f:
                json.dump(manifest, f, indent=1)
        if verbose:
            _summary(path, manifest)


def _pure(fn, variables, structure):
    """`fn` as a function of (weights, *flat inputs): the weights are read through a stateless scope."""

    def pure(state, *flat):
        with StatelessScope(list(zip(variables, state))):
            return fn(*export_spec.pack(structure, flat))

    return pure


def _summary(path, manifest):
    print(f"Saved artifact at '{path}'. Endpoints:")
    for name, endpoint in manifest["endpoints"].items():
        inputs = ", ".join(f"{tuple(shape)} {dtype}" for shape, dtype in endpoint["inputs"])
        print(f"  {name}: {inputs}")
    print(f"Reload it with kerax.export.load_archive({path!r}) (no model code needed).")


def export_model(model, filepath, format="kerax", verbose=None, input_signature=None, **kwargs):
    """`model.export`: writes an archive whose endpoint `serve` is the model in inference mode."""
    if format != "kerax":
        raise NotImplementedError(
            f"model.export(format={format!r}) is not available in kerax: it writes TensorFlow, ONNX, "
            "OpenVINO or LiteRT files. Use format='kerax' (the default): a jax.export artifact reloaded with "
            "kerax.export.load_archive(path)."
        )
    if input_signature is None:
        input_signature = _model_signature(model)
    archive = ExportArchive()
    archive.track(model)
    archive.add_endpoint("serve", lambda *args: model(*args, training=False), input_signature)
    archive.write_out(filepath, verbose=True if verbose is None else verbose)


def _model_signature(model):
    inputs = getattr(model, "_input_structure", None) if model._is_graph_network else None
    if inputs is None:
        raise ValueError(f'model.export(): model "{model.name}" has no symbolic inputs to export for; pass '
                         "`input_signature=[keras.InputSpec(shape=(None, ...), dtype=...)]`.")
    return [inputs]
