"""clone_model: the same architecture with new layers, hence new weights (Keras 3.15's arguments)."""
from kerax import tree
from kerax.backend import KerasTensor
from kerax.layers.core.input_layer import Input, InputLayer
from kerax.models.functional import Functional
from kerax.models.sequential import Sequential


def clone_model(model, input_tensors=None, clone_function=None, call_function=None, recursive=False,
                **kwargs):
    """A copy of `model` built from new layers: Sequential and functional models layer by layer, through
    `clone_function(layer)` (default: `layer.__class__.from_config(layer.get_config())`) and, for functional
    models, `call_function(layer, *args, **kwargs)`; `input_tensors` (`kerax.Input` tensors shaped like
    `model.input`) replace the inputs. `recursive=True` clones nested Sequential/functional models with
    clone_model itself. Subclassed models are rebuilt with `from_config(get_config())`."""
    cache = kwargs.pop("cache", None)
    if kwargs:
        raise ValueError(f"clone_model() got unexpected keyword argument(s) {sorted(kwargs)}.")
    clone = _cloner(clone_function, call_function, recursive, {} if cache is None else cache)
    if isinstance(model, Sequential):
        if call_function is not None:
            raise ValueError(
                "clone_model(): `call_function` applies to functional models only: a Sequential model lists "
                f"its layers and calls none of them itself. Received a {type(model).__name__}."
            )
        return _clone_sequential(model, clone, input_tensors)
    if isinstance(model, Functional):
        return _clone_functional(model, clone, call_function, input_tensors)
    if clone_function is not None or input_tensors is not None or call_function is not None:
        raise ValueError(
            "clone_model(): `clone_function`, `call_function` and `input_tensors` need a Sequential or "
            f"functional model; a subclassed {type(model).__name__} is cloned from its config only."
        )
    return _clone_subclassed(model)


def _cloner(clone_function, call_function, recursive, cache):
    """`clone_function` applied once per layer (a layer shared by several calls stays shared in the copy)."""
    def clone_layer(layer):
        if id(layer) not in cache:
            if recursive and isinstance(layer, (Sequential, Functional)):
                nested_call = None if isinstance(layer, Sequential) else call_function
                cache[id(layer)] = clone_model(layer, clone_function=clone_function,
                                               call_function=nested_call, recursive=True, cache=cache)
            elif clone_function is not None:
                cache[id(layer)] = clone_function(layer)
            else:
                cache[id(layer)] = layer.__class__.from_config(layer.get_config())
        return cache[id(layer)]

    return clone_layer


def _checked_inputs(given, reference):
    """`given` if it is made of `kerax.Input` tensors, one for each tensor of `reference`."""
    flat = tree.flatten(given)
    if len(flat) != len(tree.flatten(reference)) or not all(_is_input_tensor(x) for x in flat):
        raise ValueError(
            "clone_model(): `input_tensors` must be tensors from `kerax.Input`, one for each model input "
            f"({reference}). Received: {given}."
        )
    return given


def _is_input_tensor(x):
    return isinstance(x, KerasTensor) and isinstance((x._keras_history or (None,))[0], InputLayer)


def _clone_sequential(model, clone, input_tensors):
    layers = [clone(layer) for layer in model.layers]
    if input_tensors is not None:
        given = input_tensors if isinstance(input_tensors, (list, tuple)) else [input_tensors]
        layers.insert(0, _checked_inputs(given, ["the Sequential model's input"])[0])
    elif model._input_batch_shape is not None:
        layers.insert(0, Input(batch_shape=model._input_batch_shape, dtype=model._input_dtype,
                               name=model._input_name))
    return Sequential(layers, name=model.name, trainable=model.trainable)


def _clone_functional(model, clone, call_function, input_tensors):
    if input_tensors is None:
        input_tensors = tree.map_structure(
            lambda t: Input(batch_shape=t.shape, dtype=t.dtype, name=t._keras_history[0].name), model.input)
    flat_inputs = tree.flatten(_checked_inputs(input_tensors, model.input))
    new_tensors = {id(old): new for old, new in zip(model.inputs, flat_inputs)}
    for node in model._nodes:
        if isinstance(node.operation, InputLayer):
            continue
        args, kwargs = node.fill_arguments(new_tensors)
        layer = clone(node.operation)
        outputs = call_function(layer, *args, **kwargs) if call_function else layer(*args, **kwargs)
        new_tensors.update({id(old): new for old, new in zip(node.output_tensors, tree.flatten(outputs))})
    outputs = tree.map_structure(lambda t: new_tensors[id(t)], model.output)
    return Functional(input_tensors, outputs, name=model.name, trainable=model.trainable)


def _clone_subclassed(model):
    copy = type(model).from_config(model.get_config())
    build_shape = getattr(model, "_build_input_shape", None)
    if model.built and build_shape is not None:
        copy.build(build_shape)
    return copy
