"""Scopes that make stateful layer code pure.

Inside a `StatelessScope`, reading a Variable returns the value the scope maps it to (for example a traced
value inside a compiled step) and assigning to it is recorded in the scope, never written to the Variable.
This is how ordinary Keras-style code (`self.kernel`, `self.moving_mean.assign(...)`) runs under `jax.jit`.
"""
import threading

_state = threading.local()


def get_stateless_scope():
    return getattr(_state, "scope", None)


class StatelessScope:
    """Maps variables to values; records assignments and added losses.

    Lookups fall through to an enclosing scope, so a gradient scope can map only the trainable variables
    while the step scope around it maps the rest.
    """

    def __init__(self, state_mapping=None, collect_losses=False):
        self._values = {}  # id(variable) -> value
        self._variables = {}  # id(variable) -> variable (keeps ids valid)
        self.collect_losses = collect_losses
        self.losses = []
        self._parent = None
        for variable, value in (state_mapping or ()):
            if hasattr(value, "raw_state"):  # a Variable given as a value (`metric.variables`) stands for its value
                value = value.value
            self._values[id(variable)] = value
            self._variables[id(variable)] = variable
        self._assigned = {}  # id(variable) -> variable, for assignments made inside the scope

    def add_update(self, variable, value):
        self._values[id(variable)] = value
        self._variables[id(variable)] = variable
        self._assigned[id(variable)] = variable

    def get_current_value(self, variable):
        key = id(variable)
        if key in self._values:
            return self._values[key]
        if self._parent is not None:
            return self._parent.get_current_value(variable)
        return None

    def assigned_variables(self):
        """(variable, value) for every variable assigned inside this scope."""
        return [(v, self._values[k]) for k, v in self._assigned.items()]

    def add_loss(self, loss):
        self.losses.append(loss)
        return self.collect_losses

    def __enter__(self):
        self._parent = get_stateless_scope()
        _state.scope = self
        return self

    def __exit__(self, *exc):
        _state.scope = self._parent
        return False


class SymbolicScope(StatelessScope):
    """Used while inferring output shapes: reads return the variable's own value, writes are dropped."""

    def add_update(self, variable, value):
        pass

    def get_current_value(self, variable):
        return None

    def add_loss(self, loss):
        return True
