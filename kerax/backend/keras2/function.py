"""tf.keras 2's graph idioms on kerax's functional graph: `K.function(inputs, outputs)` (a callable from
symbolic inputs to NumPy outputs), `K.placeholder` (a symbolic input) and `K.gradients` (symbolic gradients,
which kerax replaces with `kerax.backend.value_and_grad`)."""
from kerax.backend import config, engine
from kerax.backend.common import is_keras_tensor
from kerax.backend.keras2.graph import builder


def _as_list(values):
    return list(values) if isinstance(values, (list, tuple)) else [values]


def _learning_phase_slots(inputs):
    """Positions of `K.learning_phase()` (0 or 1) among K.function's inputs, where old code feeds the
    phase."""
    slots = []
    for i, x in enumerate(inputs):
        if is_keras_tensor(x):
            continue
        if isinstance(x, int) and x in (0, 1):
            slots.append(i)
            continue
        raise TypeError(f"K.function: input {i} is a {type(x).__name__}; expected symbolic tensors "
                        "(kerax.Input(...), K.placeholder(...), a model's `.input` or a layer's `.output`) "
                        "or K.learning_phase().")
    return slots


def function(inputs, outputs, updates=None, name=None, **kwargs):
    """A callable `f(values) -> outputs as NumPy arrays` computing `outputs` from `inputs` (symbolic tensors
    of a functional graph), e.g. `K.function([model.input], [model.layers[2].output])([x])`. A
    `K.learning_phase()` among the inputs takes the training flag (0 or 1) at that position."""
    if kwargs:
        raise ValueError("K.function: Session keyword arguments are not supported (there is no TF1 "
                         f"session). You passed: {kwargs}")
    if updates:
        raise ValueError("K.function: the `updates` argument is not supported (there is no TF1 graph to run "
                         "them in). Apply updates with Variable.assign / K.update in your own code.")
    listed = _as_list(inputs)
    slots = _learning_phase_slots(listed)
    tensors = [x for i, x in enumerate(listed) if i not in slots]
    model = builder("functional", "K.function")(tensors, outputs)

    def run(values):
        values = _as_list(values)
        if len(values) != len(listed):
            raise ValueError(f"K.function expects {len(listed)} input values (one per input given when it "
                             f"was made), received {len(values)}.")
        training = bool(values[slots[0]]) if slots else False
        data = [v for i, v in enumerate(values) if i not in slots]
        result = model(data, training=training)
        if isinstance(outputs, list) and not isinstance(result, (list, tuple)):
            result = [result]
        host = engine.to_host(result)
        return list(host) if isinstance(outputs, list) else host

    run.__name__ = name or "keras_function"
    return run


def placeholder(shape=None, ndim=None, dtype=None, sparse=False, name=None, ragged=False):
    """A symbolic input of `shape` (batch dimension included; None for any size) or of rank `ndim`, for
    K.function and functional models: what `kerax.Input(batch_shape=shape)` gives."""
    if sparse or ragged:
        raise NotImplementedError("K.placeholder(sparse=True / ragged=True): kerax has no sparse or ragged "
                                  "tensors. Use a dense placeholder (pad ragged data).")
    if not shape:
        if not ndim:
            raise ValueError("K.placeholder needs `shape=` (e.g. (None, 3)) or `ndim=`: kerax has no tensors "
                             "of unknown rank.")
        shape = (None,) * ndim
    return builder("input_tensor", "K.placeholder")(batch_shape=tuple(shape), dtype=dtype or config.floatx(),
                                                     name=name)


def gradients(loss, variables):
    raise NotImplementedError(
        "K.gradients builds symbolic gradients in a TF1 graph, which kerax does not have. Compute gradients "
        "of a function instead: `grad_fn = kerax.backend.value_and_grad(loss_fn)` then `loss, grads = "
        "grad_fn(values)`, with loss_fn computing the loss from those values (e.g. a model's trainable "
        "variables' values).")
