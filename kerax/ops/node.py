"""A node of the functional graph: one call of an Operation (a layer, or a `kerax.ops` function) on symbolic
tensors."""
from kerax import tree
from kerax.backend import KerasTensor


class Node:
    def __init__(self, operation, call_args, call_kwargs, outputs):
        self.operation = operation
        self.call_args = call_args
        self.call_kwargs = call_kwargs
        self.outputs = outputs
        self.input_tensors = [x for x in tree.flatten((call_args, call_kwargs)) if isinstance(x, KerasTensor)]
        self.output_tensors = [x for x in tree.flatten(outputs) if isinstance(x, KerasTensor)]
        self.index = len(operation._inbound_nodes)
        operation._inbound_nodes.append(self)
        for i, tensor in enumerate(self.output_tensors):
            tensor._keras_history = (operation, self.index, i)

    @property
    def parent_nodes(self):
        nodes = []
        for tensor in self.input_tensors:
            if tensor._keras_history is not None:
                operation, node_index, _ = tensor._keras_history
                nodes.append(operation._inbound_nodes[node_index])
        return nodes

    def fill_arguments(self, values_by_id):
        """The call's args/kwargs with each symbolic tensor replaced by its computed value."""
        def fill(x):
            return values_by_id[id(x)] if isinstance(x, KerasTensor) else x

        return tree.map_structure(fill, self.call_args), tree.map_structure(fill, self.call_kwargs)
