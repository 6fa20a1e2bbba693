"""Adagrad: per-coordinate rates that shrink with the sum of squared gradients seen so far."""
from kerax import ops
from kerax.optimizers.optimizer import Optimizer, default_epsilon


class Adagrad(Optimizer):
    """`a += g**2` (a starts at `initial_accumulator_value`); `w -= lr * g / sqrt(a + epsilon)`."""

    def __init__(self, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7, name="adagrad",
                 **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.initial_accumulator_value = initial_accumulator_value
        self.epsilon = default_epsilon(epsilon)

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        initial = self.initial_accumulator_value
        self._accumulators = self.add_optimizer_variables(var_list, "accumulator", initial)

    def update_step(self, gradient, variable, learning_rate):
        accumulator = self._accumulators[self._get_variable_index(variable)]
        accumulator.assign_add(ops.square(gradient))
        lr = ops.cast(learning_rate, variable.dtype)
        variable.assign_sub(lr * gradient / self._root(accumulator))

    def _root(self, accumulator):
        return ops.sqrt(accumulator + self.epsilon)

    def get_config(self):
        return {**super().get_config(), "initial_accumulator_value": self.initial_accumulator_value,
                "epsilon": self.epsilon}
