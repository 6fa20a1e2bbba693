"""A node of the functional graph: one call of a layer on symbolic tensors."""
from kerax.backend import KerasTensor
from kerax import tree


class Node:
    def __init__(self, layer, call_args, call_kwargs, outputs):
        self.layer = layer
        self.call_args = call_args
        self.call_kwargs = call_kwargs
        self.outputs = outputs
        self.input_tensors = [x for x in tree.flatten((call_args, call_kwargs)) if isinstance(x, KerasTensor)]
        self.output_tensors = [x for x in tree.flatten(outputs) if isinstance(x, KerasTensor)]
        self.index = len(layer._inbound_nodes)
        layer._inbound_nodes.append(self)
        for i, tensor in enumerate(self.output_tensors):
            tensor._keras_history = (layer, self.index, i)

    @property
    def parent_nodes(self):
        nodes = []
        for tensor in self.input_tensors:
            if tensor._keras_history is not None:
                layer, node_index, _ = tensor._keras_history
                nodes.append(layer._inbound_nodes[node_index])
        return nodes

    def fill_arguments(self, values_by_id):
        """The call's args/kwargs with each symbolic tensor replaced by its computed value."""
        def fill(x):
            return values_by_id[id(x)] if isinstance(x, KerasTensor) else x

        return tree.map_structure(fill, self.call_args), tree.map_structure(fill, self.call_kwargs)
