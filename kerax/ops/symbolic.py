"""Lets every op accept symbolic KerasTensors: called on one, an op becomes a node of the functional graph
(a `SymbolicOp`) instead of computing, as in `x = inputs * 2` or `ops.concatenate([a, b])` between layers."""
import functools

from kerax import backend
from kerax.backend import naming
from kerax.ops.operation import Operation


class SymbolicOp(Operation):
    """A `kerax.ops` function called on symbolic tensors, with the settings given to it.

    `op_config` holds settings that are not call arguments (e.g. the `axis` of a Keras 3 operation read from
    a file). `keras_identity` is the (module, class name) of the Keras 3 operation a node was read from (Keras 3
    records, e.g., the mask of `Embedding(mask_zero=True)` as a `NotEqual` node); such a node is saved again
    as Keras wrote it, so Keras and kerax both read it back.
    """

    def __init__(self, function, op_config=None, keras_identity=None, name=None):
        super().__init__(name=name or naming.uniquify(function.op_name))
        self.function = function
        self.op_config = dict(op_config or {})
        self.keras_identity = tuple(keras_identity) if keras_identity else None

    def call(self, *args, **kwargs):
        return self.function(*args, **self.op_config, **kwargs)

    def get_config(self):
        if self.keras_identity:
            return {"name": self.name, **self.op_config}
        return {"name": self.name, "function": self.function.op_name}


def symbolic_aware(fn, name):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if backend.any_symbolic_tensors(args, kwargs):
            return SymbolicOp(wrapper)(*args, **kwargs)
        return fn(*args, **kwargs)

    wrapper.op_name = name
    return wrapper


# Engine op family (module name) -> the names kerax.ops takes from it: what the backend contract requires.
EXPORTED_FROM_ENGINE = {}


def export(namespace, module, names):
    """Places `module.<name>`, made symbolic-aware, into `namespace` for each name."""
    EXPORTED_FROM_ENGINE.setdefault(module.__name__.rsplit(".", 1)[-1], set()).update(names)
    for name in names:
        namespace[name] = symbolic_aware(getattr(module, name), name)
