"""OpLayer: a `kerax.ops` function applied to symbolic tensors, recorded as a node of the functional graph
(e.g. `x = inputs * 2` or `ops.concatenate([a, b])` between layers)."""
from kerax.layers.layer import Layer
from kerax.backend.common import naming


class OpLayer(Layer):
    """Called with one structure `[args, kwargs]`; the tensors inside it are the graph inputs."""

    def __init__(self, function, **kwargs):
        kwargs["name"] = kwargs.get("name") or naming.uniquify(function)
        super().__init__(**kwargs)
        self.function = function

    def _convert_inputs(self, inputs):
        return inputs

    def call(self, inputs):
        from kerax import ops
        args, kwargs = inputs
        return getattr(ops, self.function)(*args, **kwargs)

    def compute_output_spec(self, inputs):
        from kerax import backend, ops
        fn = getattr(ops, self.function)
        return backend.compute_output_spec(lambda a, k: fn(*a, **k), *inputs)

    def get_config(self):
        return {**super().get_config(), "function": self.function}


class SavedOperation(Layer):
    """A Keras 3 operation node read from a saved functional model (Keras 3 records, e.g., the mask of
    `Embedding(mask_zero=True)` as a `NotEqual` node): the kerax op of the same name, called with the node's
    arguments and the operation's own settings (`op_config`, such as `axis`). Saved again, it is written as Keras
    wrote it (`keras_identity`), so both Keras and kerax read it back."""

    def __init__(self, function, op_config, keras_identity, **kwargs):
        super().__init__(**kwargs)
        self.function = function
        self.op_config = dict(op_config)
        self.keras_identity = tuple(keras_identity)  # (module, class name), e.g. ("keras.src.ops.numpy", "NotEqual")

    def _convert_inputs(self, inputs):
        return inputs

    def call(self, *args, **kwargs):
        from kerax import ops
        return getattr(ops, self.function)(*args, **self.op_config, **kwargs)

    def get_config(self):
        return {"name": self.name, **self.op_config}
