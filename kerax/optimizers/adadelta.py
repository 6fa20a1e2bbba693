"""Adadelta: steps scaled by the ratio of running RMS of past updates to running RMS of gradients."""
from kerax import ops
from kerax.optimizers.optimizer import Optimizer, default_epsilon


class Adadelta(Optimizer):
    """`G = rho*G + (1-rho)*g**2`; `d = -sqrt(D + eps) / sqrt(G + eps) * g`; `D = rho*D + (1-rho)*d**2`;
    `w += lr * d`."""

    def __init__(self, learning_rate=0.001, rho=0.95, epsilon=1e-7, name="adadelta", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.rho = rho
        self.epsilon = default_epsilon(epsilon)

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._accumulated_grads, self._accumulated_delta_vars = self.add_optimizer_variables(
            var_list, ["accumulated_grad", "accumulated_delta_var"]
        )

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        grad_sq, delta_sq = self._accumulated_grads[index], self._accumulated_delta_vars[index]
        rho = self.rho
        grad_sq.assign(rho * grad_sq + (1 - rho) * ops.square(gradient))
        delta = -ops.sqrt(delta_sq + self.epsilon) * gradient / ops.sqrt(grad_sq + self.epsilon)
        delta_sq.assign(rho * delta_sq + (1 - rho) * ops.square(delta))
        variable.assign_add(ops.cast(learning_rate, variable.dtype) * delta)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "epsilon": self.epsilon}
