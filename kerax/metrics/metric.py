"""The Metric base class: state in non-trainable Variables, updated only through `.assign`.

Because every update is an `.assign`, the same code runs eagerly and inside the compiled train step, where a
StatelessScope records the assignments instead of writing them.
"""
import numpy as np

from kerax import backend, initializers
from kerax.backend import naming


def _initial_value(initializer, shape, dtype):
    if isinstance(initializer, (int, float)):
        return np.full(shape, initializer, dtype=dtype)
    return initializers.get(initializer)(shape, dtype=dtype)


class Metric:
    def __init__(self, name=None, dtype=None):
        self.name = name or naming.uniquify(naming.to_snake_case(type(self).__name__))
        self._dtype = None if dtype is None else backend.standardize_dtype(dtype)
        self._variables = []
        self._initializers = []

    @property
    def dtype(self):
        return self._dtype or backend.floatx()

    @property
    def variables(self):
        return list(self._variables)

    def add_variable(self, shape, initializer="zeros", dtype=None, name=None):
        if not hasattr(self, "_variables"):
            raise RuntimeError(
                f"{type(self).__name__}: call `super().__init__(name=name, dtype=dtype)` before "
                "add_variable()."
            )
        shape = tuple(shape)
        dtype = backend.standardize_dtype(dtype or self.dtype)
        variable = backend.Variable(_initial_value(initializer, shape, dtype), shape=shape, dtype=dtype,
                                    trainable=False, name=name or f"variable_{len(self._variables)}")
        self._variables.append(variable)
        self._initializers.append(initializer)
        return variable

    add_weight = add_variable

    def build_from_shapes(self, y_true_shape, y_pred_shape):
        """Creates the state whose shape follows the data (e.g. one count per class). `compile` calls it with
        the shapes of the first batch, before any step is compiled; metrics with fixed state need nothing."""

    def update_state(self, *args, **kwargs):
        raise NotImplementedError(f"{type(self).__name__} must implement `update_state`.")

    def result(self):
        raise NotImplementedError(f"{type(self).__name__} must implement `result`.")

    def reset_state(self):
        for variable, initializer in zip(self._variables, self._initializers):
            variable.assign(_initial_value(initializer, variable.shape, variable.dtype))

    def reset_states(self):  # tf.keras 2.x spelling
        self.reset_state()

    def __call__(self, *args, **kwargs):
        self.update_state(*args, **kwargs)
        return self.result()

    # Pure forms for compiled code: state in, state out (Keras 3's stateless API).
    def stateless_update_state(self, metric_variables, *args, **kwargs):
        with backend.StatelessScope(zip(self._variables, metric_variables)) as scope:
            self.update_state(*args, **kwargs)
        return [scope.get_current_value(v) for v in self._variables]

    def stateless_result(self, metric_variables):
        with backend.StatelessScope(zip(self._variables, metric_variables)):
            return self.result()

    def stateless_reset_state(self):
        with backend.StatelessScope() as scope:
            self.reset_state()
        return [scope.get_current_value(v) for v in self._variables]

    def get_config(self):
        config = {"name": self.name}
        if self._dtype is not None:
            config["dtype"] = self._dtype
        return config

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    def __repr__(self):
        return f"<{type(self).__name__} name={self.name!r}>"
