"""The graph of operation calls between symbolic inputs and outputs, shared by `kerax.Function` and functional
models: which nodes it holds, in which order they run, and running them on values."""
from kerax import tree


def graph_nodes(inputs, outputs):
    """Nodes between `inputs` and `outputs`, each after its parents; and the operations in the order a
    depth-first walk from the outputs first meets them. The walk stops at the inputs (keeping an `Input`'s own
    node)."""
    ordered, visited, active, first_seen = [], set(), set(), []
    input_ids = {id(t) for t in inputs}

    def producer(tensor):
        """The node to walk into for `tensor`, or None where the walk stops."""
        if tensor._keras_history is None:
            if id(tensor) in input_ids:
                return None
            raise ValueError(f"Tensor {tensor} is not connected to the inputs {list(inputs)}.")
        operation, node_index, _ = tensor._keras_history
        node = operation._inbound_nodes[node_index]
        return node if id(tensor) not in input_ids or not node.input_tensors else None

    def enter(node, stack):
        if id(node) in active:
            raise ValueError("The functional graph has a cycle.")
        active.add(id(node))
        first_seen.append(node.operation)
        stack.append((node, iter(node.input_tensors)))

    def visit_producer(tensor):
        """Depth first with an explicit stack (deep models, e.g. ResNetRS420, exceed Python's recursion
        limit): parents in input order, each node appended to `ordered` after all of them."""
        stack = []
        root = producer(tensor)
        if root is None or id(root) in visited:
            return
        enter(root, stack)
        while stack:
            node, tensors = stack[-1]
            child_tensor = next(tensors, stack)
            if child_tensor is stack:
                stack.pop()
                active.discard(id(node))
                visited.add(id(node))
                ordered.append(node)
                continue
            child = producer(child_tensor)
            if child is not None and id(child) not in visited:
                enter(child, stack)

    for tensor in outputs:
        visit_producer(tensor)
    for node in ordered:
        if not node.input_tensors and not any(id(t) in input_ids for t in node.output_tensors):
            raise ValueError(
                f'Graph disconnected: the output depends on input "{node.operation.name}", which is not '
                "among the model's inputs."
            )
    return ordered, _unique(first_seen)


def operations_by_depth(nodes, first_seen):
    """The operations in Keras's order, which fixes the order of `model.layers`, of the weights and of the
    optimizer state in saved files: by decreasing depth (a node's depth is 1 + the largest depth of the nodes
    that use its outputs; a shared layer takes its deepest node's), ties in the order the walk from the outputs
    met them."""
    node_depth, layer_depth = {}, {}
    for node in reversed(nodes):  # every node comes before its parents
        depth = max(node_depth.get(id(node), 0), layer_depth.get(id(node.operation), 0))
        node_depth[id(node)] = layer_depth[id(node.operation)] = depth
        for parent in node.parent_nodes:
            node_depth[id(parent)] = max(node_depth.get(id(parent), 0), depth + 1)
    walk_index = {id(layer): i for i, layer in enumerate(first_seen)}
    return sorted(first_seen, key=lambda layer: (-layer_depth[id(layer)], walk_index[id(layer)]))


def run_graph(nodes, values, call_node, skipped=()):
    """Computes every node whose outputs are not known yet: `call_node(node, args, kwargs)` with the node's
    arguments filled from `values` (id(symbolic tensor) -> value), which receives the results."""
    for node in nodes:
        known = node.output_tensors and all(id(t) in values for t in node.output_tensors)
        if id(node) in skipped or known or not node.input_tensors:  # an `Input`'s node computes nothing
            continue
        args, kwargs = node.fill_arguments(values)
        outputs = call_node(node, args, kwargs)
        for tensor, value in zip(node.output_tensors, tree.flatten(outputs)):
            values[id(tensor)] = value
    return values


def _unique(items):
    seen, out = set(), []
    for item in items:
        if id(item) not in seen:
            seen.add(id(item))
            out.append(item)
    return out
