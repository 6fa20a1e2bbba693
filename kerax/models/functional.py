"""Functional models: a graph of layer calls from `Input`s to outputs, run node by node."""
import numpy as np

from kerax import ops
from kerax.backend import KerasTensor, get_keras_mask, step_context
from kerax.layers import mask_propagation
from kerax.layers.core.input_layer import InputLayer
from kerax.layers.layer import Layer
from kerax.models import functional_config
from kerax.models.graph_cut import start_at_inputs
from kerax.models.host_part import host_part_of
from kerax.models.model import Model
from kerax.ops import graph
from kerax import tree


class Functional(Model):
    _is_graph_network = True

    def __init__(self, inputs=None, outputs=None, name=None, trainable=True, **kwargs):
        inputs = kwargs.pop("input", inputs)  # Keras 1 spelled these `input=` / `output=`
        outputs = kwargs.pop("output", outputs)
        if inputs is None or outputs is None:
            raise ValueError("A functional model needs both `inputs` and `outputs`.")
        super().__init__(name=name, trainable=trainable, **kwargs)
        for x in tree.flatten((inputs, outputs)):
            if not isinstance(x, KerasTensor):
                raise TypeError(
                    f"Model(inputs, outputs) expects symbolic tensors from `kerax.Input` and layer calls, "
                    f"received {type(x).__name__}: {x!r}."
                )
        inputs, outputs = start_at_inputs(inputs, outputs)
        if isinstance(inputs, dict):
            self._input_structure = dict(inputs)
        else:
            self._input_structure = inputs
        self._inputs = tree.flatten(inputs)
        self._outputs_structure = outputs
        self._outputs = tree.flatten(outputs)
        for tensor in self._inputs:
            layer = tensor._keras_history[0]
            if not isinstance(layer, InputLayer):
                raise ValueError(
                    f"Model inputs must come from `kerax.Input`; tensor {tensor.name or tensor} was produced "
                    f'by layer "{layer.name}".'
                )
        self._nodes, first_seen = graph.graph_nodes(self._inputs, self._outputs)
        self._operations = graph.operations_by_depth(self._nodes, first_seen)
        self._host_part = host_part_of(self._inputs, self._outputs, self._nodes)
        self.built = True

    # --- structure ----------------------------------------------------------------------------------------
    @property
    def operations(self):
        """Every operation of the graph (layers and `kerax.ops` calls), in Keras's order."""
        return list(self._operations)

    @property
    def layers(self):
        return [operation for operation in self._operations if isinstance(operation, Layer)]

    @property
    def inputs(self):
        return list(self._inputs)

    @property
    def outputs(self):
        return list(self._outputs)

    @property
    def input(self):
        return self._input_structure

    @property
    def output(self):
        return self._outputs_structure

    @property
    def input_names(self):
        return [t._keras_history[0].name for t in self._inputs]

    @property
    def output_names(self):
        return [t._keras_history[0].name for t in self._outputs]

    @property
    def input_shape(self):
        return tree.map_structure(lambda t: t.shape, self._input_structure)

    @property
    def output_shape(self):
        return tree.map_structure(lambda t: t.shape, self._outputs_structure)

    def build(self, input_shape):
        self.built = True

    # --- execution ----------------------------------------------------------------------------------------
    def _standardize_inputs(self, inputs):
        """Matches the given inputs to the model's Input tensors, by name for dicts, by position otherwise."""
        flat = self._flat_inputs(inputs)
        self.check_input_shapes([getattr(value, "shape", None) for value in flat])
        return [_adjust_rank(value, spec.shape) for value, spec in zip(flat, self._inputs)]

    def _flat_inputs(self, inputs):
        if isinstance(inputs, dict) and not isinstance(self._input_structure, dict):
            names = self.input_names
            missing = [n for n in names if n not in inputs]
            unknown = [k for k in inputs if k not in names]
            if missing or unknown:
                raise ValueError(
                    f'Model "{self.name}" has inputs named {names}; received a dict with keys {list(inputs)}. '
                    f"Missing: {missing}. Unknown: {unknown}."
                )
            flat = [inputs[n] for n in names]
        else:
            flat = tree.flatten(inputs)
        if len(flat) != len(self._inputs):
            raise ValueError(
                f'Model "{self.name}" expects {len(self._inputs)} input(s) ({self.input_names}), but it '
                f"received {len(flat)}."
            )
        return flat

    # --- host-side preprocessing (see host_part.py) ---------------------------------------------------------
    def _host_graph(self):
        return self if self._host_part is not None else None

    def host_inputs(self, inputs):
        """What the compiled part of the model reads for a batch of raw `inputs`: the host layers' outputs
        (NumPy), computed here on the host."""
        flat = [np.reshape(v, _adjusted_shape(np.shape(v), t.shape))
                for v, t in zip(map(np.asarray, self._flat_inputs(inputs)), self._inputs)]
        self.check_input_shapes([v.shape for v in flat])
        return self._host_part.run(flat)

    def check_input_shapes(self, shapes):
        """Raises a clear error when a given input shape (batch dimension included) does not fit."""
        for index, (shape, spec) in enumerate(zip(shapes, self._inputs)):
            if shape is None:
                continue
            shape = _adjusted_shape(tuple(shape), spec.shape)
            if len(shape) != len(spec.shape) or any(
                e is not None and r is not None and e != r for e, r in zip(spec.shape, shape)
            ):
                raise ValueError(
                    f'Input {index} ("{self.input_names[index]}") of model "{self.name}" is incompatible with '
                    f"the model: expected shape={spec.shape}, found shape={shape}."
                )

    def call(self, inputs, training=None, mask=None):
        values, masks = {}, {}
        if step_context.host_prepared_model() is self:
            # The batch already went through the host part: it holds the values where the host part ends.
            values.update({id(t): v for t, v in zip(self._host_part.boundary, tree.flatten(inputs))})
            skipped = {id(node) for node in self._host_part.nodes}
        else:
            flat_inputs = self._standardize_inputs(inputs)
            flat_masks = tree.flatten(mask) if mask is not None else [None] * len(flat_inputs)
            for tensor, value, m in zip(self._inputs, flat_inputs, flat_masks):
                values[id(tensor)] = self._inputs_layer_cast(tensor, value)
                masks[id(tensor)] = m if m is not None else get_keras_mask(value)
            skipped = set()
        graph.run_graph(self._nodes, values, lambda node, args, kwargs: self._call_node(
            node, args, kwargs, masks, training), skipped)
        return tree.pack_sequence_as(self._outputs_structure, [values[id(t)] for t in self._outputs])

    def _call_node(self, node, args, kwargs, masks, training):
        if not isinstance(node.operation, Layer):  # a `kerax.ops` call: no masks, no training flag
            return node.operation(*args, **kwargs)
        # Masks go by graph position, not by the values: one value may feed several nodes.
        input_mask = mask_propagation.combined([masks.get(id(t)) for t in node.input_tensors])
        if input_mask is not None and "mask" not in kwargs:
            kwargs["mask"] = input_mask
        kwargs.update(mask_propagation.argument_masks(
            node.operation, node.call_args, node.call_kwargs,
            lambda t: masks.get(id(t)) if isinstance(t, KerasTensor) else None))
        if training is not None and node.operation._call_accepts_training and "training" not in kwargs:
            kwargs["training"] = training
        outputs = node.operation(*args, **kwargs)
        for tensor, value in zip(node.output_tensors, tree.flatten(outputs)):
            masks[id(tensor)] = get_keras_mask(value)
        return outputs

    def _inputs_layer_cast(self, tensor, value):
        layer = tensor._keras_history[0]
        return layer._convert_inputs(value) if hasattr(value, "shape") or isinstance(value, list) else value

    # --- serialization ------------------------------------------------------------------------------------
    def get_config(self):
        return functional_config.functional_config(self)

    @classmethod
    def from_config(cls, config, custom_objects=None):
        return functional_config.functional_from_config(cls, config, custom_objects)


def _adjusted_shape(shape, expected):
    """As Keras does, data missing a trailing axis of size 1 (images (n, 28, 28) for Input((28, 28, 1))) or
    having one too many ((n, 5, 1) for Input((5,))) is reshaped to fit."""
    if len(shape) == len(expected) - 1 and expected[-1] == 1:
        return shape + (1,)
    if len(shape) == len(expected) + 1 and shape[-1] == 1:
        return shape[:-1]
    return shape


def _adjust_rank(value, expected):
    shape = getattr(value, "shape", None)
    if shape is None or _adjusted_shape(tuple(shape), expected) == tuple(shape):
        return value
    return ops.expand_dims(value, -1) if len(shape) < len(expected) else ops.squeeze(value, -1)
