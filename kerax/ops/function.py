"""`kerax.Function`: a callable graph of operations from symbolic inputs to symbolic outputs (Keras 3). Like a
functional model without the Layer API: no weights tracked, no masks or training flag passed along."""
from kerax import tree
from kerax.backend import KerasTensor
from kerax.ops import graph
from kerax.ops.operation import Operation


class Function(Operation):
    """Captures the operations linking `inputs` to `outputs` (KerasTensors or nested structures of them) and
    applies them to new values: `Function(inputs, outputs)(values)`."""

    def __init__(self, inputs, outputs, name=None):
        super().__init__(name=name)
        self._inputs_struct = inputs
        self._outputs_struct = outputs
        self._inputs = tree.flatten(inputs)
        self._outputs = tree.flatten(outputs)
        for which, flat, given in (("inputs", self._inputs, inputs), ("outputs", self._outputs, outputs)):
            if not flat:
                raise ValueError(f"`{which}` argument cannot be empty. Received:\ninputs={inputs}\n"
                                 f"outputs={outputs}")
            bad = [x for x in flat if not isinstance(x, KerasTensor)]
            if bad:
                raise TypeError(f"Function `{which}` must be KerasTensors (from `kerax.Input`, "
                                f"`kerax.KerasTensor` or operations on them); received "
                                f"{type(bad[0]).__name__}: {bad[0]!r}.")
        self._nodes, first_seen = graph.graph_nodes(self._inputs, self._outputs)
        self._operations = graph.operations_by_depth(self._nodes, first_seen)

    @property
    def operations(self):
        return list(self._operations)

    @property
    def inputs(self):
        """The flat list of symbolic inputs."""
        return list(self._inputs)

    @property
    def outputs(self):
        """The flat list of symbolic outputs."""
        return list(self._outputs)

    def call(self, inputs):
        """The outputs computed for new `inputs` (the structure of the symbolic inputs)."""
        self._assert_input_compatibility(inputs)
        values = {id(x): value for x, value in zip(self._inputs, tree.flatten(inputs))}
        graph.run_graph(self._nodes, values, lambda node, args, kwargs: node.operation(*args, **kwargs))
        return tree.pack_sequence_as(self._outputs_struct, [values[id(x)] for x in self._outputs])

    def compute_output_shape(self, input_shape):
        shapes = tree.flatten(tree.map_shape_structure(lambda shape: KerasTensor(tuple(shape)), input_shape))
        specs = [KerasTensor(spec.shape, dtype=x.dtype) for spec, x in zip(shapes, self._inputs)]
        outputs = self.compute_output_spec(tree.pack_sequence_as(self._inputs_struct, specs))
        return tree.map_structure(lambda x: x.shape, outputs)

    def _assert_input_compatibility(self, inputs):
        try:
            tree.assert_same_structure(inputs, self._inputs_struct)
        except (ValueError, TypeError):
            raise ValueError(
                "Function was called with an invalid input structure. "
                f"Expected input structure: {self._inputs_struct}\nReceived input structure: {inputs}"
            ) from None
        for x, ref in zip(tree.flatten(inputs), self._inputs):
            shape = tuple(getattr(x, "shape", ()))
            if len(shape) != len(ref.shape) or any(
                    a is not None and b is not None and a != b for a, b in zip(shape, ref.shape)):
                raise ValueError(
                    f"{type(self).__name__} was passed incompatible inputs. For input '{ref.name}', expected "
                    f"shape {ref.shape}, but received instead a tensor with shape {shape}."
                )

