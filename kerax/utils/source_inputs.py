"""`get_source_inputs`: the `Input` tensors a symbolic tensor was computed from."""


def get_source_inputs(tensor):
    """The list of input tensors (from `keras.Input`) that `tensor` depends on, each once, in the order a walk
    back through the graph meets them. A tensor made by no layer is its own source."""
    if not hasattr(tensor, "_keras_history"):
        return tensor
    if tensor._keras_history is None:
        return [tensor]
    layer, node_index, _ = tensor._keras_history
    node = layer._inbound_nodes[node_index]
    if not node.input_tensors:  # an input node
        return list(node.output_tensors)
    sources = []
    for parent in node.input_tensors:
        for source in get_source_inputs(parent):
            if all(source is not seen for seen in sources):
                sources.append(source)
    return sources
