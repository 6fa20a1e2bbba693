"""`model.summary()` in tf.keras's table format."""
from kerax.layers.core.input_layer import InputLayer


def _format_shape(shape):
    if isinstance(shape, list):
        return "[" + ", ".join(_format_shape(s) for s in shape) + "]"
    if isinstance(shape, dict):
        return "{" + ", ".join(f"{k}: {_format_shape(v)}" for k, v in shape.items()) + "}"
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + (",)" if len(shape) == 1 else ")")


def _output_shape_of(layer, nodes):
    if isinstance(layer, InputLayer):
        return "[" + _format_shape(layer.batch_shape) + "]"
    if len(nodes) != 1:
        return "multiple"
    shapes = [t.shape for t in nodes[0].output_tensors]
    return _format_shape(shapes[0] if len(shapes) == 1 else shapes)


def _connections(nodes):
    inbound = []
    for node in nodes:
        for tensor in node.input_tensors:
            source, node_index, tensor_index = tensor._keras_history
            inbound.append(f"{source.name}[{node_index}][{tensor_index}]")
    return inbound


def _row(fields, positions):
    line = ""
    for i, field in enumerate(fields):
        if i > 0:
            line = line[:-1] + " "
        line += str(field)
        line = line[: positions[i]]
        line += " " * (positions[i] - len(line))
    return line


def print_summary(model, line_length=None, positions=None, print_fn=None):
    print_fn = print_fn or print
    if not model.built:
        raise ValueError(
            "This model has not yet been built. Build the model first by calling `build()` or by calling the "
            "model on a batch of data (or give the first layer an `input_shape`)."
        )
    layers = model.layers
    is_sequential = hasattr(model, "_functional")
    graph = model._functional if is_sequential else model
    is_graph = graph is not None and hasattr(graph, "_nodes")
    graph_layers = graph.operations if is_graph else layers
    nodes_of = {id(layer): [] for layer in graph_layers}
    for node in graph._nodes if is_graph else []:
        nodes_of[id(node.operation)].append(node)
    is_plain_stack = is_sequential or not is_graph or all(
        len(nodes_of[id(layer)]) <= 1 and len(_connections(nodes_of[id(layer)])) <= 1 for layer in graph_layers
    )
    if is_plain_stack:
        line_length = line_length or 65
        positions = positions or [0.45, 0.85, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #"]
    else:
        line_length = line_length or 98
        positions = positions or [0.33, 0.55, 0.67, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    shown = graph_layers if is_graph and not is_sequential else layers

    print_fn(f'Model: "{model.name}"')
    print_fn("_" * line_length)
    print_fn(_row(header, positions))
    print_fn("=" * line_length)
    for i, layer in enumerate(shown):
        params = layer.count_params() if getattr(layer, "built", False) else 0
        nodes = nodes_of.get(id(layer), [])
        fields = [f"{layer.name} ({type(layer).__name__})", _output_shape_of(layer, nodes), params]
        connections = _connections(nodes) if not is_plain_stack else []
        if not is_plain_stack:
            fields.append(connections[0] if connections else "")
        print_fn(_row(fields, positions))
        for extra in connections[1:]:
            print_fn(_row(["", "", "", extra], positions))
        print_fn(("=" if i == len(shown) - 1 else "_") * line_length)
    trainable = sum(_size(v) for v in model.trainable_weights)
    total = sum(_size(v) for v in model.weights)
    print_fn(f"Total params: {total:,}")
    print_fn(f"Trainable params: {trainable:,}")
    print_fn(f"Non-trainable params: {total - trainable:,}")
    print_fn("_" * line_length)


def _size(variable):
    size = 1
    for d in variable.shape:
        size *= d
    return size
