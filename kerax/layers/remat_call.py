"""How a layer created inside a `RematScope` rematerializes its call (Keras 3's rules): "full" wraps the whole
call, "list_of_layers" the calls of the named layers, "larger_than" the calls whose output has more elements
than the threshold, "activations" only the layer's `activation`."""
import contextlib
import math

from kerax import backend, tree


def rematerialized(layer, call, args, kwargs):
    """`call`, or a version of it that recomputes its intermediate values in the backward pass."""
    mode = layer._remat_mode
    if mode is None or mode.mode is None:
        return call
    if mode.mode == "full":
        return backend.remat(call)
    if mode.mode == "list_of_layers":
        return backend.remat(call) if layer.name in mode.layer_names else call
    if mode.mode == "larger_than":
        size = _output_size(call, args, kwargs)
        return backend.remat(call) if size > mode.output_size_threshold else call
    if getattr(layer, "activation", None) is None:  # "activations"
        return call

    def with_remat_activation(*call_args, **call_kwargs):
        with _swapped_activation(layer):
            return call(*call_args, **call_kwargs)

    return with_remat_activation


@contextlib.contextmanager
def _swapped_activation(layer):
    original = layer.activation
    layer.activation = backend.remat(original)
    try:
        yield
    finally:
        layer.activation = original


def _output_size(call, args, kwargs):
    def spec(x):
        return backend.KerasTensor(tuple(x.shape), dtype=backend.standardize_dtype(x.dtype)) if (
            backend.is_tensor(x)) else x

    specs, kwarg_specs = tree.map_structure(spec, (args, kwargs))
    outputs = backend.compute_output_spec(call, *specs, **kwarg_specs)
    return sum(math.prod(d or 1 for d in t.shape) for t in tree.flatten(outputs)
               if isinstance(t, backend.KerasTensor))
