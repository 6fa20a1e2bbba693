"""tf.keras 2's control flow and the learning phase: `K.switch`, `K.in_train_phase`, `K.learning_phase`,
`K.map_fn`, `K.foldl` / `K.foldr`."""
import contextlib
import warnings

from kerax.backend import engine
from kerax.backend.common import step_context
from kerax.backend.keras2.graph import symbolic_aware
from kerax.backend.keras2.math import tensor

np_ = engine.numpy
_phase = {"value": None}  # set by set_learning_phase / learning_phase_scope


def learning_phase():
    """1 inside a layer or model called with training=True (as in fit), 0 in one called with training=False;
    elsewhere the value given to set_learning_phase / learning_phase_scope, else 0."""
    training = step_context.current_training()
    if training is not None:
        return int(bool(training))
    return 0 if _phase["value"] is None else _phase["value"]


def _checked_phase(value):
    if value not in (0, 1):
        raise ValueError(f"Expected learning phase to be 0 or 1, received {value!r}.")
    return int(value)


def set_learning_phase(value):
    warnings.warn("`K.set_learning_phase` is deprecated (as in tf.keras 2): pass training=True/False when "
                  "calling a layer or model instead.", DeprecationWarning, stacklevel=2)
    _phase["value"] = _checked_phase(value)


@contextlib.contextmanager
def learning_phase_scope(value):
    """Within the block, learning_phase() outside layer calls is `value` (0 or 1)."""
    previous, _phase["value"] = _phase["value"], _checked_phase(value)
    try:
        yield
    finally:
        _phase["value"] = previous


def _value(expression):
    return expression() if callable(expression) else expression


def switch(condition, then_expression, else_expression):
    """then_expression where condition holds, else else_expression (either may be a callable). A scalar
    condition picks one branch; a tensor condition selects elementwise, broadcast over trailing axes."""
    condition = engine.cast(tensor(condition), "bool")
    if condition.ndim == 0:
        if engine.is_traced(condition):
            return engine.cond(condition, lambda: _value(then_expression), lambda: _value(else_expression))
        return _value(then_expression) if bool(condition) else _value(else_expression)
    then_value, else_value = tensor(_value(then_expression)), tensor(_value(else_expression))
    if condition.ndim > then_value.ndim:
        raise ValueError("Rank of `condition` should be less than or equal to rank of `then_expression` and "
                         f"`else_expression`. ndim(condition)={condition.ndim}, "
                         f"ndim(then_expression)={then_value.ndim}")
    condition = np_.reshape(condition, tuple(condition.shape) + (1,) * (then_value.ndim - condition.ndim))
    return np_.where(condition, then_value, else_value)


def in_train_phase(x, alt, training=None):
    """x in the training phase, alt otherwise (either may be a callable); `training` defaults to the calling
    layer's training flag, then learning_phase()."""
    if training is None:
        training = learning_phase()
    if engine.is_tensor(training) and engine.is_traced(training):
        return switch(training, x, alt)
    return _value(x) if bool(training) else _value(alt)


def in_test_phase(x, alt, training=None):
    return in_train_phase(alt, x, training=training)


def map_fn(fn, elems, name=None, dtype=None):
    """fn applied to each slice of elems along its first axis, the results stacked."""
    return engine.control_flow.map(fn, elems)


def _fold(fn, elems, initializer, reverse):
    elems = tensor(elems)
    if initializer is None:
        initializer, elems = (elems[-1], elems[:-1]) if reverse else (elems[0], elems[1:])
    total, _ = engine.scan(lambda acc, x: (fn(acc, x), None), initializer, elems, reverse=reverse)
    return total


def foldl(fn, elems, initializer=None, name=None):
    """fn(accumulator, element) over elems from the first element (the first is the initializer if none)."""
    return _fold(fn, elems, initializer, reverse=False)


def foldr(fn, elems, initializer=None, name=None):
    """fn(accumulator, element) over elems from the last element."""
    return _fold(fn, elems, initializer, reverse=True)


@symbolic_aware
def print_tensor(x, message="", summarize=3):
    """Prints `message` and x's value and returns x. Inside compiled code (fit's steps), where values are not
    known in Python, it prints once, when the step is compiled, with x's shape and dtype."""
    x = tensor(x)
    if engine.is_traced(x):
        print(message, f"<traced value of shape {tuple(x.shape)}, dtype {x.dtype}>")
    else:
        print(message, engine.convert_to_numpy(x))
    return x
