"""A functional model may start from tensors inside a graph, as Keras allows
(`Model(inputs=feature_space.get_encoded_features(), outputs=...)`): the part of the graph between those
tensors and the outputs is replayed on fresh `Input`s of the same shape, dtype and name. The layers are the
same objects, so the new model shares their weights."""
from kerax import tree
from kerax.layers.core.input_layer import Input, InputLayer


def _is_input(tensor):
    return tensor._keras_history is None or isinstance(tensor._keras_history[0], InputLayer)


def start_at_inputs(inputs, outputs):
    """(inputs, outputs) where every input comes from an InputLayer."""
    flat_inputs = tree.flatten(inputs)
    if all(_is_input(t) for t in flat_inputs):
        return inputs, outputs
    values = {}
    for tensor in flat_inputs:
        fresh = tensor if _is_input(tensor) else Input(batch_shape=tensor.shape, dtype=tensor.dtype,
                                                       name=tensor.name)
        values[id(tensor)] = fresh

    def value_of(tensor):
        if id(tensor) not in values:
            layer, node_index, _ = tensor._keras_history
            node = layer._inbound_nodes[node_index]
            if isinstance(node.operation, InputLayer):
                raise ValueError(f'Graph disconnected: the output depends on input "{node.operation.name}", '
                                 f"which is not among the model's inputs.")
            for parent in node.input_tensors:
                value_of(parent)
            args, kwargs = node.fill_arguments(values)
            for old, new in zip(node.output_tensors, tree.flatten(node.operation(*args, **kwargs))):
                values[id(old)] = new
        return values[id(tensor)]

    new_outputs = tree.map_structure(value_of, outputs)
    return tree.map_structure(lambda t: values[id(t)], inputs), new_outputs
