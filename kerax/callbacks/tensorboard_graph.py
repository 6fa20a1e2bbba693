"""The model's layer graph as a TensorBoard GraphDef: one node per layer (its op is the layer class), with
the edges of the functional graph (a built Sequential model has one). A subclassed model's call order
lives in Python code, so its layers appear as nodes without edges."""


def layer_graph_def(model):
    from tensorboard.compat.proto import graph_pb2  # imported on first use: keeps `import kerax` fast

    graph = graph_pb2.GraphDef()
    by_name = {}

    def add(layer, parents):
        if layer.name not in by_name:
            by_name[layer.name] = graph.node.add(name=layer.name, op=type(layer).__name__)
            by_name[layer.name].attr["keras_class"].s = type(layer).__name__.encode()
        node = by_name[layer.name]
        node.input.extend(p.name for p in parents if p.name not in node.input)  # a layer called twice

    nodes = getattr(getattr(model, "_functional", None) or model, "_nodes", None)
    if nodes is None:
        for layer in model.layers:
            add(layer, [])
    else:
        for node in nodes:
            add(node.operation, [parent.operation for parent in node.parent_nodes])
    return graph
