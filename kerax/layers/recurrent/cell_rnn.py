"""SimpleRNN, GRU and LSTM: an RNN whose cell is made from the layer's own arguments. As in Keras, the config
lists those arguments flat and the layer exposes them (`gru.units`, `lstm.recurrent_activation`, ...)."""
import inspect

from kerax.layers.layer import Layer
from kerax.layers.recurrent.rnn import RNN
from kerax.backend import naming

# Keras 1 spellings -> current names.
_LEGACY_NAMES = {
    "output_dim": "units", "init": "kernel_initializer", "inner_init": "recurrent_initializer",
    "inner_activation": "recurrent_activation", "W_regularizer": "kernel_regularizer",
    "U_regularizer": "recurrent_regularizer", "b_regularizer": "bias_regularizer", "dropout_W": "dropout",
    "dropout_U": "recurrent_dropout",
}
# Accepted and ignored: kernel choices that XLA makes itself.
_IGNORED = ("use_cudnn", "consume_less", "forget_bias_init")
_LAYER_KEYS = ("name", "trainable", "dtype", "batch_input_shape")


class CellRNN(RNN):
    cell_class = None
    positional = ("units",)  # the Keras order of the leading positional arguments
    required = ("units",)
    fixed_cell_arguments = {}  # set by the class, not by the config (ConvLSTM2D's rank)

    def __init__(self, *args, **kwargs):
        name = type(self).__name__
        if len(args) > len(self.positional):
            raise TypeError(f"{name}() takes at most {len(self.positional)} positional arguments "
                            f"({', '.join(self.positional)}), received {len(args)}.")
        kwargs.update(zip(self.positional, args))
        for old, new in _LEGACY_NAMES.items():
            if old in kwargs:
                kwargs[new] = kwargs.pop(old)
        for ignored in _IGNORED:
            kwargs.pop(ignored, None)
        for argument in self.required:
            if argument not in kwargs:
                raise TypeError(f"{name}() missing required argument: {argument!r}.")
        names = cell_arguments(self.cell_class)
        cell_kwargs = {key: kwargs.pop(key) for key in list(kwargs) if key in names}
        cell_kwargs.update(self.fixed_cell_arguments)
        cell = self.cell_class(name=naming.to_snake_case(self.cell_class.__name__), dtype=kwargs.get("dtype"),
                               trainable=kwargs.get("trainable", True), **cell_kwargs)
        super().__init__(cell, **kwargs)

    def __getattr__(self, name):
        cell = self.__dict__.get("cell")
        if cell is not None and name in cell_arguments(type(cell)):
            return getattr(cell, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def get_config(self):
        cell_config = {k: v for k, v in self.cell.get_config().items() if k not in _LAYER_KEYS}
        return {**Layer.get_config(self), **cell_config, **self._rnn_config()}

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def cell_arguments(cell_class):
    """The argument names of a cell class's constructor, up to (not including) Layer's."""
    names = set()
    for klass in cell_class.__mro__:
        if klass is Layer or not issubclass(klass, Layer):
            break
        if "__init__" in vars(klass):
            names.update(p for p, spec in inspect.signature(klass.__init__).parameters.items()
                         if p != "self" and spec.kind is not inspect.Parameter.VAR_KEYWORD)
    return names
