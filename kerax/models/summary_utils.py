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


def print_summary(model, line_length=None, positions=None, print_fn=None, expand_nested=False,
                  show_trainable=False):
    print_fn = print_fn or print
    if not model.built and not getattr(model, "layers", None):
        raise ValueError(
            "This model has not yet been built. Build the model first by calling `build()` or by calling the "
            "model on a batch of data (or give the first layer an `input_shape`)."
        )
    table = _Table(model)
    if table.plain:
        line_length = line_length or (65 if model.built else 67)  # room for "0 (unbuilt)"
        positions = positions or [0.45, 0.85, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #"]
    else:
        line_length = line_length or 98
        positions = positions or [0.33, 0.55, 0.67, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    if show_trainable:  # as tf.keras: one more column, "Y" or "N"
        line_length += 11
        positions = positions + [line_length]
        header = header + ["Trainable"]

    print_fn(f'Model: "{model.name}"')
    print_fn("_" * line_length)
    print_fn(_row(header, positions))
    print_fn("=" * line_length)
    rows = table.rows(expand_nested, show_trainable)
    for i, (level, fields) in enumerate(rows):
        print_fn(_nested(_row(fields, positions), level, line_length))
        following = rows[i + 1][0] if i + 1 < len(rows) else 0
        for closed in range(level, following, -1):  # nested blocks that end here, innermost first
            print_fn(_nested("\u00af" * (line_length - 2 * (closed - 1)), closed - 1, line_length))
        if following > level:  # a nested model's layers follow, framed as tf.keras frames them
            print_fn(_nested("\u00af" * (line_length - 2 * following), following, line_length))
        elif i + 1 == len(rows):
            print_fn("=" * line_length)
        elif level == 0 and following == 0:
            print_fn("_" * line_length)
        elif following == level:
            print_fn(_nested("", level, line_length))
    trainable = sum(_size(v) for v in model.trainable_weights)
    total = sum(_size(v) for v in model.weights)
    print_fn(f"Total params: {total:,}")
    print_fn(f"Trainable params: {trainable:,}")
    print_fn(f"Non-trainable params: {total - trainable:,}")
    print_fn("_" * line_length)


class _Table:
    """The rows of one model: its operations (graph models) or layers, with their graph nodes."""

    def __init__(self, model):
        self.model = model
        self.is_sequential = hasattr(model, "_functional")
        graph = model._functional if self.is_sequential else model
        self.is_graph = graph is not None and hasattr(graph, "_nodes")
        operations = graph.operations if self.is_graph else model.layers
        self.nodes_of = {id(op): [] for op in operations}
        for node in graph._nodes if self.is_graph else []:
            self.nodes_of[id(node.operation)].append(node)
        self.plain = self.is_sequential or not self.is_graph or all(
            len(self.nodes_of[id(op)]) <= 1 and len(_connections(self.nodes_of[id(op)])) <= 1
            for op in operations
        )
        self.shown = operations if self.is_graph and not self.is_sequential else model.layers

    def rows(self, expand_nested, show_trainable, level=0):
        """[(nesting level, fields)] for every shown layer, and inside nested models when expanding them."""
        rows = []
        for layer in self.shown:
            nodes = self.nodes_of.get(id(layer), [])
            if not hasattr(layer, "count_params"):
                params = 0  # an op call
            else:
                params = layer.count_params() if layer.built else "0 (unbuilt)"
            shape = _output_shape_of(layer, nodes) if self.model.built else "?"  # Keras 3 shows an unbuilt model
            fields = [f"{layer.name} ({type(layer).__name__})", shape, params]
            connections = [] if self.plain else _connections(nodes)
            if not self.plain:
                fields.append(connections[0] if connections else "")
            if show_trainable:
                fields.append("Y" if getattr(layer, "trainable", True) else "N")
            rows.append((level, fields))
            rows += [(level, ["", "", "", extra]) for extra in connections[1:]]
            if expand_nested and hasattr(layer, "layers") and getattr(layer, "built", False):
                rows += _Table(layer).rows(expand_nested, show_trainable, level + 1)
        return rows


def _nested(line, level, line_length):
    """A row of a nested model, framed by one "|" per level on each side, as tf.keras prints it."""
    if level == 0:
        return line
    inner = line[: line_length - 2 * level]
    return "|" * level + inner + " " * (line_length - 2 * level - len(inner)) + "|" * level


def _size(variable):
    size = 1
    for d in variable.shape:
        size *= d
    return size
