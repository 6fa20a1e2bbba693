"""Operation: the base of every node of a functional graph. Called on real tensors it computes; called on
symbolic tensors (from `kerax.Input`) it returns symbolic outputs and records a `Node`. `Layer` builds on it;
so do the `kerax.ops` functions, whose symbolic calls become `SymbolicOp`s (ops/symbolic.py)."""
from kerax import backend
from kerax.backend import naming
from kerax.ops.node import Node


class Operation:
    def __init__(self, name=None):
        self.name = name or naming.uniquify(naming.to_snake_case(type(self).__name__))
        self._inbound_nodes = []

    def __call__(self, *args, **kwargs):
        if backend.any_symbolic_tensors(args, kwargs):
            return self.symbolic_call(*args, **kwargs)
        return self.call(*args, **kwargs)

    def call(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} does not implement call().")

    def symbolic_call(self, *args, **kwargs):
        outputs = self.compute_output_spec(*args, **kwargs)
        Node(self, args, kwargs, outputs)
        return outputs

    def compute_output_spec(self, *args, **kwargs):
        return backend.compute_output_spec(self.call, *args, **kwargs)

    # --- graph introspection ------------------------------------------------------------------------------
    def _node_tensors(self, attribute, what):
        if not self._inbound_nodes:
            raise AttributeError(
                f'{type(self).__name__} "{self.name}" has no defined {what}: it has not been called on a '
                "symbolic input."
            )
        tensors = getattr(self._inbound_nodes[0], attribute)
        return tensors[0] if len(tensors) == 1 else tensors

    @property
    def input(self):
        return self._node_tensors("input_tensors", "input")

    @property
    def output(self):
        return self._node_tensors("output_tensors", "output")

    # --- serialization ------------------------------------------------------------------------------------
    def get_config(self):
        return {"name": self.name}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name}>"
