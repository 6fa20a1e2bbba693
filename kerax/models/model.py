"""Model: a Layer that trains. `Model(inputs, outputs)` builds a functional model; subclass it to write
`call` yourself."""
from kerax import backend
from kerax.backend import KerasTensor
from kerax.layers.layer import Layer
from kerax.models import summary_utils
from kerax.trainers.trainer import Trainer


class Model(Trainer, Layer):
    def __new__(cls, *args, **kwargs):
        is_functional_call = len(args) >= 2 or any(
            k in kwargs for k in ("inputs", "outputs", "input", "output")
        )
        if cls is Model and is_functional_call:
            from kerax.models.functional import Functional
            return object.__new__(Functional)  # Python then runs Functional.__init__ with these arguments
        return object.__new__(cls)

    def __init__(self, *args, name=None, trainable=True, dtype=None, **kwargs):
        if args or kwargs:
            raise TypeError(
                f"Model.__init__() got unexpected arguments {list(args) + sorted(kwargs)}. To build a "
                "functional model pass `inputs=` and `outputs=`; a subclass takes `name=` and `trainable=`."
            )
        Layer.__init__(self, name=name, trainable=trainable, dtype=dtype)
        Trainer.__init__(self)

    def build(self, input_shape=None):
        """Builds a subclassed model's weights for inputs of `input_shape` (batch dimension included)."""
        if self.built:
            return
        if input_shape is None:
            raise ValueError(f'Model "{self.name}": build() needs an input shape, e.g. build((None, 32)).')
        shapes = input_shape
        if isinstance(shapes, tuple) or (isinstance(shapes, list) and all(
                isinstance(d, (int, type(None))) for d in shapes)):
            shapes = [shapes]
        symbolic = [KerasTensor(tuple(s), dtype=self.compute_dtype) for s in shapes]
        backend.compute_output_spec(lambda *xs: self.call(xs[0] if len(xs) == 1 else list(xs)), *symbolic)
        self._build_input_shape = input_shape
        self.built = True

    def _maybe_build(self, inputs):
        if not self.built:
            self.built = True  # a subclassed model's sublayers build themselves on first call

    @property
    def layers(self):
        return self._layers

    def get_layer(self, name=None, index=None):
        if index is not None and name is not None:
            raise ValueError("get_layer(): pass either `name` or `index`, not both.")
        if isinstance(name, int):
            name, index = None, name
        if index is not None:
            if not -len(self.layers) <= index < len(self.layers):
                raise ValueError(
                    f"get_layer(index={index}): model \"{self.name}\" has only {len(self.layers)} layers."
                )
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(
            f'No such layer: {name}. Existing layers are: {[layer.name for layer in self.layers]}.'
        )

    def summary(self, line_length=None, positions=None, print_fn=None, expand_nested=False,
                show_trainable=False):
        summary_utils.print_summary(self, line_length=line_length, positions=positions, print_fn=print_fn)

    def get_config(self):
        # A subclassed model's architecture lives in Python code; Keras returns just the base arguments.
        return {"name": self.name, "trainable": self.trainable}
