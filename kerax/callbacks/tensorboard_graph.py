"""The model's layer graph as a TensorBoard GraphDef: one node per layer (its op is the layer class), with
edges from the functional graph. Layers that were only called eagerly (in a subclassed model's `call`)
appear as nodes without edges."""
from tensorboard.compat.proto import graph_pb2


def layer_graph_def(model):
    graph = graph_pb2.GraphDef()
    pending, seen = list(model.layers), set()
    while pending:
        layer = pending.pop(0)
        if id(layer) in seen:
            continue
        seen.add(id(layer))
        parents = _parent_layers(layer)
        pending.extend(parents)
        node = graph.node.add(name=layer.name, op=type(layer).__name__)
        node.input.extend(parent.name for parent in parents)
        node.attr["keras_class"].s = type(layer).__name__.encode()
    return graph


def _parent_layers(layer):
    parents = []
    for node in layer._inbound_nodes:
        for parent in node.parent_nodes:
            if all(parent.layer is not p for p in parents):
                parents.append(parent.layer)
    return parents
