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
                from kerax.layers.core.op_layer import OpLayer
                return OpLayer(name)([list(args), kwargs])
        return fn(*args, **kwargs)

    wrapper.op_name = name
    return wrapper


def export(namespace, module, names):
    """Places `module.<name>`, made symbolic-aware, into `namespace` for each name."""
    for name in names:
        namespace[name] = symbolic_aware(getattr(module, name), name)
