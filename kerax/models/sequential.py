"""Sequential: a plain stack of layers. Once the input shape is known (from `input_shape=` on the first
layer, an `Input`, or the first call) it becomes a functional graph."""
from kerax.backend import KerasTensor, host_data, standardize_dtype, structure_version
from kerax.layers.core.input_layer import Input, InputLayer
from kerax.layers.layer import Layer
from kerax.models.functional import Functional
from kerax.models.functional_config import serialize_layer
from kerax.models.model import Model
from kerax.saving.layer_registry import deserialize_layer


class Sequential(Model):
    _is_graph_network = True

    def __init__(self, layers=None, name=None, trainable=True):
        super().__init__(name=name, trainable=trainable)
        self._stack = []
        self._input_batch_shape = None
        self._input_dtype = None
        self._input_name = None
        self._input_layer = None  # an Input given first: its tensor stays the model's input
        self._functional = None
        for layer in layers or []:
            self.add(layer, rebuild=False)
        if self._stack and self._input_batch_shape is not None:
            self.build(self._input_batch_shape)

    def add(self, layer, rebuild=True):
        if isinstance(layer, KerasTensor) and isinstance(layer._keras_history[0], InputLayer):
            layer = layer._keras_history[0]
        if isinstance(layer, InputLayer):
            if self._stack or self._input_batch_shape is not None:
                raise ValueError("Sequential: an Input can only be the first element of the model.")
            self._input_batch_shape, self._input_dtype = layer.batch_shape, layer._dtype
            self._input_name = layer.name
            self._input_layer = layer
            return
        if not isinstance(layer, Layer):
            raise TypeError(
                f"Sequential.add() expects a layer instance (e.g. `layers.Dense(10)`), received "
                f"{type(layer).__name__}: {layer!r}."
            )
        if any(existing is layer for existing in self._stack):
            raise ValueError(f'Layer "{layer.name}" is already in Sequential model "{self.name}".')
        if not self._stack and self._input_batch_shape is None:
            self._input_batch_shape, self._input_dtype = _known_input(layer, self._input_dtype)
        self._stack.append(layer)
        self._forget_graph()
        if rebuild and self._input_batch_shape is not None:
            self.build(self._input_batch_shape)

    def pop(self):
        if not self._stack:
            raise TypeError("There are no layers in the model.")
        layer = self._stack.pop()
        self._forget_graph()
        if self._stack and self._input_batch_shape is not None:
            self.build(self._input_batch_shape)
        return layer

    @property
    def layers(self):
        return list(self._stack)

    def build(self, input_shape=None):
        input_shape = input_shape or self._input_batch_shape
        if input_shape is None:
            raise ValueError(
                f'Sequential model "{self.name}" cannot be built: its input shape is unknown. Pass '
                "`input_shape=` to the first layer, start with `kerax.Input(shape)`, or call `build(shape)`."
            )
        if not self._stack:
            raise ValueError(f'Sequential model "{self.name}" has no layers to build.')
        self._input_batch_shape = tuple(input_shape)
        self._forget_graph()
        if self._input_layer is not None and self._input_layer.batch_shape == self._input_batch_shape:
            inputs = self._input_layer.output_tensor
        else:
            inputs = Input(batch_shape=self._input_batch_shape, dtype=self._input_dtype,
                           name=self._input_name)
        x = inputs
        for layer in self._stack:
            x = layer(x)
        self._functional = Functional(inputs, x, name=self.name)
        self.built = True

    def _forget_graph(self):
        """Drops the graph of the last build, and its nodes from the layers, so that `layer.input` /
        `layer.output` refer to this model's current graph (the feature-extractor idiom)."""
        structure_version.bump()
        if self._functional is not None:
            for node in reversed(self._functional._nodes):
                if isinstance(node.operation, InputLayer):
                    continue  # an Input's own node is made with it, not by a build
                nodes = node.operation._inbound_nodes
                if nodes and nodes[-1] is node:
                    nodes.pop()
        self._functional = None
        self.built = False

    def _maybe_build(self, inputs):
        if self._functional is None:
            shape = (None,) + tuple(inputs.shape[1:])
            self._input_dtype = self._input_dtype or _dtype_of(inputs)
            self.build(shape)

    def call(self, inputs, training=None, mask=None):
        return self._functional.call(inputs, training=training, mask=mask)

    def _host_graph(self):
        return self._functional._host_graph() if self._functional is not None else None

    def host_inputs(self, inputs):
        return self._functional.host_inputs(inputs)

    def check_input_shapes(self, shapes):
        if self._functional is not None:
            self._functional.check_input_shapes(shapes)

    @property
    def inputs(self):
        return self._functional.inputs if self._functional else None

    @property
    def outputs(self):
        return self._functional.outputs if self._functional else None

    @property
    def input(self):
        return self._functional.input if self._functional else None

    @property
    def output(self):
        return self._functional.output if self._functional else None

    @property
    def input_shape(self):
        return self._input_batch_shape

    @property
    def output_shape(self):
        if self._functional is None:
            raise AttributeError(f'Sequential model "{self.name}" is not built yet: its output shape is unknown.')
        return self._functional.output_shape

    @property
    def input_names(self):
        return self._functional.input_names if self._functional else []

    @property
    def output_names(self):
        return self._functional.output_names if self._functional else []

    # --- serialization ------------------------------------------------------------------------------------
    def get_config(self):
        """Keras 3's layout: the InputLayer first (once the input shape is known), then the stacked layers."""
        layer_configs = [serialize_layer(layer) for layer in self._stack]
        config = {"name": self.name, "trainable": self.trainable, "layers": layer_configs}
        if self._functional is not None:
            input_layer = self._functional.inputs[0]._keras_history[0]
            layer_configs.insert(0, serialize_layer(input_layer))
            config["build_input_shape"] = list(self._input_batch_shape)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """Reads Keras 3 configs (InputLayer first), Keras 2 ones (`batch_input_shape` in the first layer's
        config) and Keras 2.0's bare list of layers."""
        if isinstance(config, list):
            config = {"layers": config}
        model = cls(name=config.get("name"), trainable=config.get("trainable", True))
        for layer_config in config["layers"]:
            model.add(deserialize_layer(layer_config, custom_objects))
        build_shape = config.get("build_input_shape")
        if model._functional is None and build_shape and model._stack:
            model.build(tuple(build_shape))
        return model


def _dtype_of(x):
    if host_data.is_text(x):
        return "string"
    dtype = standardize_dtype(x.dtype)
    return None if dtype.startswith(("float", "bfloat")) else dtype


def _known_input(layer, dtype):
    """The batch input shape (and dtype) a first layer declares: `input_shape=` on a layer, or the single
    input of a built functional model (a pretrained base stacked under a new head builds the Sequential)."""
    if layer._batch_input_shape is not None:
        return layer._batch_input_shape, dtype
    inputs = getattr(layer, "inputs", None) if isinstance(layer, Model) else None
    if inputs is not None and len(inputs) == 1:
        return tuple(inputs[0].shape), dtype or _dtype_of(inputs[0])
    return None, dtype
