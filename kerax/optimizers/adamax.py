"""Adamax: Adam with the infinity norm in place of the second moment."""
from kerax import ops
from kerax.optimizers.adam import step_count
from kerax.optimizers.optimizer import Optimizer, default_epsilon


class Adamax(Optimizer):
    """`m += (g - m)(1 - beta_1)`; `u = max(beta_2 * u, |g|)`;
    `w -= lr * m / ((1 - beta_1**t)(u + epsilon))`."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, name="adamax", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = default_epsilon(epsilon)

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._m, self._u = self.add_optimizer_variables(var_list, ["m", "u"])

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        lr = ops.cast(learning_rate, variable.dtype)
        correction = 1 - ops.power(self.beta_1, step_count(self, variable.dtype))
        m, u = self._m[index], self._u[index]
        m.assign_add((gradient - m) * (1 - self.beta_1))
        u.assign(ops.maximum(self.beta_2 * u, ops.abs(gradient)))
        variable.assign_sub(lr * m / (correction * (u + self.epsilon)))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}
