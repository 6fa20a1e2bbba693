"""Strings without TensorFlow: how a model whose inputs are strings trains, evaluates, predicts and saves.

JAX arrays hold only numbers, so string work happens on the host, in NumPy. The design has three pieces:

1. Host layers (kerax/layers/preprocessing/host_layer.py: TextVectorization, StringLookup, IntegerLookup,
   Hashing, HashedCrossing) compute with vectorised NumPy and return NumPy arrays. On their own, in
   `Dataset.map` or on lists of strings they are plain functions of host data.
2. The host part of a functional graph (this module): the nodes of host layers fed only by the model's inputs
   or by other host nodes. `HostPart.run` computes them for a batch of raw inputs and returns the "boundary"
   values: every tensor made on the host (a model input or a host node's output) that the rest of the graph
   (or the model's output list) reads. A host layer fed by a device layer, or a string input read by a device
   layer, is an error when the model is built.
3. The trainer hands the model's `host_inputs` transform to the data adapters, which apply it to the arrays
   once (in-memory data) or to each streamed batch, before the one numeric conversion of host_data. Each
   compiled step then runs inside `step_context.HostPreparedScope(graph)`: the graph takes its batch as the
   boundary values and skips its host nodes, so only numbers are traced and compiled. Called directly
   (`model(["some text"])`), the graph runs its host nodes eagerly and the rest as usual.

Saving needs nothing special: host layers are layers with configs; an adapted vocabulary is saved as an asset
(kerax/saving/assets.py) and the host part is found again when the model is rebuilt.
"""
import numpy as np

from kerax import tree
from kerax.layers.core.input_layer import InputLayer


class HostPart:
    def __init__(self, inputs, outputs, nodes):
        self.inputs = inputs
        host_ids = set()
        self.nodes = []
        made_on_host = {id(t) for t in inputs}
        for node in nodes:
            if isinstance(node.operation, InputLayer):
                continue
            if getattr(node.operation, "runs_on_host", False):
                _check_fed_from_host(node, made_on_host)
                self.nodes.append(node)
                host_ids.add(id(node))
                made_on_host.update(id(t) for t in node.output_tensors)
        device_nodes = [n for n in nodes if id(n) not in host_ids and not isinstance(n.operation, InputLayer)]
        read_on_device = [t for node in device_nodes for t in node.input_tensors] + list(outputs)
        self.boundary = _unique([t for t in read_on_device if id(t) in made_on_host])
        for tensor in self.boundary:
            if tensor.dtype == "string" and not any(tensor is t for t in outputs):
                raise ValueError(f"The string input {tensor.name!r} is read by a layer that computes on the "
                                 f"device. Strings must go through a host layer first (TextVectorization, "
                                 f"StringLookup, Hashing, ...).")

    def run(self, flat_inputs):
        """The boundary values (NumPy) for a batch of the model's inputs."""
        values = {id(t): np.asarray(v) for t, v in zip(self.inputs, flat_inputs)}
        for node in self.nodes:
            args, kwargs = node.fill_arguments(values)
            outputs = node.operation(*args, **kwargs)
            for tensor, value in zip(node.output_tensors, tree.flatten(outputs)):
                values[id(tensor)] = value
        return tuple(values[id(t)] for t in self.boundary)


def host_part_of(inputs, outputs, nodes):
    """The graph's HostPart, or None when it has no host layer (nor string input)."""
    if not any(getattr(node.operation, "runs_on_host", False) for node in nodes) and \
            not any(t.dtype == "string" for t in inputs):
        return None
    return HostPart(inputs, outputs, nodes)


def _check_fed_from_host(node, made_on_host):
    for tensor in node.input_tensors:
        if id(tensor) not in made_on_host:
            producer = tensor._keras_history[0]
            raise ValueError(
                f'{type(node.operation).__name__} layer "{node.operation.name}" computes on the host with '
                f'NumPy, but its input comes from "{producer.name}", which computes on the device. Feed host '
                "layers from the model's inputs (or from other host layers), or apply them to the data "
                "beforehand.")


def _unique(tensors):
    seen, out = set(), []
    for tensor in tensors:
        if id(tensor) not in seen:
            seen.add(id(tensor))
            out.append(tensor)
    return out
