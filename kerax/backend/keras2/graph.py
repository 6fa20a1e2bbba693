"""The functional graph as tf.keras's `K` functions see it, without importing it: `kerax.models` registers
the builders (Functional, Input, the symbolic op node) here, as it sits above the backend."""
import functools

from kerax.backend.common import any_symbolic_tensors

_BUILDERS = {}
# K functions whose kerax.ops namesake computes differently (argument order, default axis, formula). A graph
# node records its function's name, and a saved model's node is read back as the kerax.ops function of that
# name: these are recorded under another name, so such a model fails to load instead of computing otherwise.
_UNLIKE_OPS = {
    "argmax", "argmin", "batch_normalization", "binary_crossentropy", "categorical_crossentropy", "clip",
    "cumprod", "cumsum", "hard_sigmoid", "in_top_k", "relu", "repeat", "sparse_categorical_crossentropy",
    "sqrt",
}


def register_graph_builders(functional, input_tensor, symbolic_op):
    """functional(inputs, outputs) -> a model; input_tensor(batch_shape=, dtype=, name=) -> a symbolic
    input; symbolic_op(fn) -> an operation whose call on symbolic tensors adds a node running fn."""
    _BUILDERS.update(functional=functional, input_tensor=input_tensor, symbolic_op=symbolic_op)


def builder(kind, needed_for):
    if kind not in _BUILDERS:
        raise RuntimeError(f"{needed_for} needs kerax's functional models: `import kerax` first "
                           "(kerax.models registers them with kerax.backend).")
    return _BUILDERS[kind]


def symbolic_aware(fn):
    """fn computing on arrays; called on symbolic tensors (`K.mean(kerax.Input((3,)))`), it adds a graph node
    instead, as tf.keras 2 does."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if any_symbolic_tensors(args, kwargs):
            return builder("symbolic_op", f"K.{fn.__name__} on a symbolic tensor")(wrapper)(*args, **kwargs)
        return fn(*args, **kwargs)

    wrapper.op_name = f"keras2_{fn.__name__}" if fn.__name__ in _UNLIKE_OPS else fn.__name__
    return wrapper
