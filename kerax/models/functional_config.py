"""A functional graph as a config and back, in Keras's format: "layers" (each with "name", "class_name",
"config" and "inbound_nodes"), "input_layers" and "output_layers".

Kerax writes Keras 3's node format (`{"args": [...], "kwargs": {...}}` with tensors as `__keras_tensor__`)
and reads both it and Keras 2's (`[[layer_name, node_index, tensor_index, kwargs], ...]`).
"""
from kerax.backend import KerasTensor
from kerax.layers.core.input_layer import InputLayer
from kerax.saving import layer_registry
from kerax.serialization import registry as serialization
from kerax import tree


def serialize_layer(layer):
    """A layer's serialized form for a model config; its input shape lives in the model's InputLayer."""
    config = serialization.serialize(layer)
    config["config"] = {k: v for k, v in config["config"].items() if k != "batch_input_shape"}
    return config


def functional_config(model):
    nodes_of = {}  # id(layer) -> [original node index, ...] of the nodes that belong to this model
    for node in model._nodes:
        nodes_of.setdefault(id(node.operation), []).append(node.index)
    for indices in nodes_of.values():
        indices.sort()

    def history(tensor):
        layer, node_index, tensor_index = tensor._keras_history
        return [layer.name, nodes_of[id(layer)].index(node_index), tensor_index]

    def encode(value):
        if isinstance(value, KerasTensor):
            config = {"shape": list(value.shape), "dtype": value.dtype, "keras_history": history(value)}
            return {"class_name": "__keras_tensor__", "config": config}
        return value

    layer_configs = []
    for layer in model.operations:
        config = serialize_layer(layer)
        config["name"] = layer.name
        nodes = [layer._inbound_nodes[i] for i in nodes_of[id(layer)]]
        config["inbound_nodes"] = [] if isinstance(layer, InputLayer) else [
            {"args": _to_json(tree.map_structure(encode, list(node.call_args))),
             "kwargs": _to_json(tree.map_structure(encode, dict(node.call_kwargs)))}
            for node in nodes
        ]
        layer_configs.append(config)
    return {
        "name": model.name,
        "trainable": model.trainable,
        "layers": layer_configs,
        "input_layers": tree.map_structure(history, model._input_structure),
        "output_layers": tree.map_structure(history, model._outputs_structure),
    }


def _to_json(value):
    """Tuples as lists, so the config compares equal after a JSON round trip."""
    if isinstance(value, (list, tuple)):
        return [_to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: _to_json(v) for k, v in value.items()}
    return value


def functional_from_config(cls, config, custom_objects=None):
    layers, queues, outputs_of = {}, {}, {}  # outputs_of[(layer name, node index)] = flat output tensors
    for layer_config in config["layers"]:
        layer = layer_registry.deserialize_layer(layer_config, custom_objects)
        name = layer_config.get("name", layer.name)
        layers[name] = layer
        if isinstance(layer, InputLayer):
            outputs_of[(name, 0)] = [layer.output_tensor]
        else:
            queues[name] = list(layer_config.get("inbound_nodes") or [])
    while any(queues.values()):
        progressed = False
        for name, queue in queues.items():
            while queue and _call_node(layers[name], name, queue[0], outputs_of):
                queue.pop(0)
                progressed = True
        if not progressed:
            stuck = [name for name, queue in queues.items() if queue]
            raise ValueError(
                f"Cannot rebuild functional model {config.get('name')!r}: the inputs of layer(s) {stuck} "
                "refer to layers or nodes that the config does not define."
            )
    inputs = _structure_of(config["input_layers"], outputs_of, "input_layers")
    outputs = _structure_of(config["output_layers"], outputs_of, "output_layers")
    return cls(inputs=inputs, outputs=outputs, name=config.get("name"),
               trainable=config.get("trainable", True))


def _call_node(layer, name, node_data, outputs_of):
    """Calls `layer` as recorded in `node_data` if all its inputs exist yet; returns whether it did."""
    missing = []

    def decode(value):
        if isinstance(value, dict) and value.get("class_name") == "__keras_tensor__":
            return _tensor(value["config"]["keras_history"], outputs_of, missing)
        if isinstance(value, dict):
            return {k: decode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [decode(v) for v in value]
        return value

    if isinstance(node_data, dict):  # Keras 3
        args, kwargs = decode(node_data.get("args", [])), decode(node_data.get("kwargs", {}))
    else:  # Keras 2: one [layer_name, node_index, tensor_index, kwargs] per input tensor
        tensors = [_tensor(entry[:3], outputs_of, missing) for entry in node_data]
        kwargs = dict(node_data[0][3]) if node_data and len(node_data[0]) > 3 and node_data[0][3] else {}
        # A tensor passed by keyword (MultiHeadAttention's `value`) is written as its [layer, node, index].
        kwargs = {k: _tensor(v, outputs_of, missing) if _is_history(v) else v for k, v in kwargs.items()}
        args = [tensors[0] if len(tensors) == 1 else tensors]
    if missing:
        return False
    result = layer(*args, **kwargs)
    outputs_of[(name, sum(1 for key in outputs_of if key[0] == name))] = tree.flatten(result)
    return True


def _tensor(history, outputs_of, missing):
    layer_name, node_index, tensor_index = history[0], int(history[1]), int(history[2])
    produced = outputs_of.get((layer_name, node_index))
    if produced is None:
        missing.append(layer_name)
        return None
    return produced[tensor_index]


def _is_history(value):
    return isinstance(value, (list, tuple)) and len(value) == 3 and isinstance(value[0], str)


def _structure_of(spec, outputs_of, what):
    """Tensors for `input_layers`/`output_layers`: one [name, node, index] triple, a list or a dict of them.
    A list of one (as Keras 2 always wrote) stands for the single tensor."""
    def resolve(history):
        missing = []
        tensor = _tensor(history, outputs_of, missing)
        if missing:
            raise ValueError(f"{what} refers to layer {history[0]!r}, which the config does not define.")
        return tensor

    if _is_history(spec):
        return resolve(spec)
    if isinstance(spec, dict):
        return {key: resolve(value) for key, value in spec.items()}
    tensors = [resolve(value) for value in spec]
    return tensors[0] if len(tensors) == 1 else tensors
