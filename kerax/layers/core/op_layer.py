"""OpLayer: a `kerax.ops` function applied to symbolic tensors, recorded as a node of the functional graph
(e.g. `x = inputs * 2` or `ops.concatenate([a, b])` between layers)."""
from kerax.layers.layer import Layer
from kerax.utils import naming


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
