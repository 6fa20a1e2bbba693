"""Model: a Layer that trains. `Model(inputs, outputs)` builds a functional model; subclass it to write
`call` yourself."""
import inspect

from kerax import backend, serialization
from kerax.backend import KerasTensor
from kerax.layers.layer import Layer
from kerax.models import quantization, summary_utils
from kerax.saving import compile_config, export_archive, json_format, saving_api, weights
from kerax.backend import step_context
from kerax.trainers.trainer import Trainer
from kerax import tree


class Model(Trainer, Layer):
    def __new__(cls, *args, **kwargs):
        if cls is Model and _functional_arguments(args, kwargs):
            from kerax.models.functional import Functional  # cycle: Functional subclasses Model
            return object.__new__(Functional)  # Python then runs Functional.__init__ with these arguments
        return object.__new__(cls)

    def __init__(self, *args, name=None, trainable=True, dtype=None, **kwargs):
        if not self._is_graph_network and _functional_arguments(args, kwargs):
            from kerax.models.functional import Functional  # cycle: Functional subclasses Model
            # As in Keras, what the subclass passes here decides: `super().__init__(inputs, outputs)` (or a
            # subclass called as `CustomModel(inputs, outputs)`) makes a functional model that keeps the
            # subclass's own methods; a subclass's own constructor arguments never do.
            self.__class__ = _functional_variant(type(self), Functional)
            Functional.__init__(self, *args, name=name, trainable=trainable, **kwargs)
            return
        if args or kwargs:
            raise TypeError(
                f"Model.__init__() got unexpected arguments {list(args) + sorted(kwargs)}. To build a "
                "functional model pass `inputs=` and `outputs=`; a subclass takes `name=` and `trainable=`."
            )
        Layer.__init__(self, name=name, trainable=trainable, dtype=dtype)
        Trainer.__init__(self)

    def __call__(self, *args, **kwargs):
        if len(args) == 1 and kwargs.keys() <= {"training"} and step_context.is_outermost_call():
            outputs = self._forward(args[0], kwargs.get("training"))
            if outputs is not None:
                return outputs
            self._forward.eager_call_made()
        return Layer.__call__(self, *args, **kwargs)

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
            # A subclassed model's sublayers build themselves on this first call; the shape is kept so a
            # saved model can be rebuilt before its weights are loaded.
            self._build_input_shape = tree.map_structure(
                lambda x: (None,) + tuple(x.shape[1:]) if hasattr(x, "shape") else None, inputs)
            self.built = True

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
        summary_utils.print_summary(self, line_length=line_length, positions=positions, print_fn=print_fn,
                                    expand_nested=expand_nested, show_trainable=show_trainable)

    # Functional and Sequential models are graphs of layers, saved as configs; a subclassed model's
    # architecture is Python code.
    _is_graph_network = False

    def get_config(self):
        # A subclassed model's architecture lives in Python code; Keras returns just the base arguments.
        return {"name": self.name, "trainable": self.trainable}

    def _has_own_config(self):
        return type(self).get_config is not Model.get_config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        """`Model.from_config` of a functional config rebuilds the graph; otherwise the config holds the
        constructor's arguments (a subclassed model's own `get_config`), read with `custom_objects` in
        scope."""
        if cls is Model and all(key in config for key in ("layers", "input_layers", "output_layers")):
            from kerax.models.functional import Functional  # cycle: Functional subclasses Model
            return Functional.from_config(config, custom_objects=custom_objects)
        with serialization.custom_object_scope(custom_objects or {}):
            try:
                return cls(**config)
            except TypeError as error:
                reason = str(error).rstrip(".")
                raise TypeError(
                    f"Could not rebuild {cls.__name__} from its config {sorted(config)}: {reason}. A "
                    "subclassed model must return its constructor's arguments from get_config() (or override "
                    "from_config)."
                ) from error

    # --- compile configuration ----------------------------------------------------------------------------
    def compile(self, *args, **kwargs):
        super().compile(*args, **kwargs)
        bound = inspect.signature(Trainer.compile).bind(self, *args, **kwargs)
        bound.apply_defaults()
        self._compile_arguments = {k: v for k, v in bound.arguments.items() if k != "self"}

    def get_compile_config(self):
        return compile_config.get_compile_config(self)

    def compile_from_config(self, config):
        compile_config.compile_from_config(self, config)

    # --- saving -------------------------------------------------------------------------------------------
    def save(self, filepath, overwrite=True, save_format=None, include_optimizer=True, **kwargs):
        """Saves architecture, weights, compile configuration and optimizer state: `m.keras` (Keras 3 archive),
        `m.h5` (Keras 2 HDF5) or, for any other path, a directory."""
        saving_api.save_model(self, filepath, overwrite=overwrite, save_format=save_format,
                              include_optimizer=include_optimizer, **kwargs)

    def save_weights(self, filepath, overwrite=True, save_format=None, options=None):
        weights.save_weights(self, filepath, overwrite=overwrite, save_format=save_format)

    def load_weights(self, filepath, by_name=False, skip_mismatch=False, options=None):
        weights.load_weights(self, filepath, by_name=by_name, skip_mismatch=skip_mismatch)

    def to_json(self, **kwargs):
        return json_format.to_json(self, **kwargs)

    def to_yaml(self, **kwargs):
        return json_format.to_yaml(self, **kwargs)

    def export(self, filepath, format="kerax", verbose=None, input_signature=None, **kwargs):
        """Writes a self-contained inference artifact (jax.export programs and weights) whose endpoint `serve`
        runs the model; `kerax.export.load_archive(filepath).serve(x)` runs it without this code."""
        export_archive.export_model(self, filepath, format, verbose, input_signature, **kwargs)

    def quantize(self, mode=None, config=None, filters=None, **kwargs):
        """Quantizes the weights of Dense, EinsumDense and Embedding layers: mode "int8", "int4" or "float8"
        (or a `kerax.quantizers` config); `filters` (regex, list of regexes or callable on the layer) selects
        the layers. GPTQ and AWQ raise NotImplementedError."""
        type_check = kwargs.pop("type_check", True)
        if kwargs:
            raise ValueError(f"Unrecognized keyword arguments passed to {type(self).__name__}: {kwargs}")
        quantization.quantize_model(self, mode, config, filters, type_check)


def _functional_arguments(args, kwargs):
    """Whether Model's arguments are a functional model's: (inputs, outputs), positional or keyword."""
    has_inputs = len(args) >= 1 or "inputs" in kwargs or "input" in kwargs
    has_outputs = len(args) >= 2 or "outputs" in kwargs or "output" in kwargs
    return has_inputs and has_outputs


def _functional_variant(cls, functional):
    """`cls` with Functional behind it in the method order, made once per class."""
    if cls not in _FUNCTIONAL_VARIANTS:
        _FUNCTIONAL_VARIANTS[cls] = type(cls.__name__, (cls, functional), {
            "__module__": cls.__module__, "__qualname__": cls.__qualname__})
    return _FUNCTIONAL_VARIANTS[cls]


_FUNCTIONAL_VARIANTS = {}
