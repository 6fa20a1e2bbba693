"""Lets every op accept symbolic KerasTensors: called on one, an op becomes a node of the functional graph
(an `OpLayer`) instead of computing."""
import functools

from kerax.backend import KerasTensor
from kerax import tree


def symbolic_aware(fn, name):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        for leaf in tree.flatten((args, kwargs)):
            if isinstance(leaf, KerasTensor):
                from kerax.layers.core.op_layer import OpLayer  # layers sit above ops
                return OpLayer(name)([list(args), kwargs])
        return fn(*args, **kwargs)

    wrapper.op_name = name
    return wrapper


def export(namespace, module, names, plain=()):
    """Places `module.<name>` into `namespace` for each name, made symbolic-aware unless it is in `plain`
    (ops that take or return functions, or only read a tensor's shape or dtype)."""
    for name in names:
        fn = getattr(module, name)
        namespace[name] = fn if name in plain else symbolic_aware(fn, name)
