"""LAMB (You et al. 2019): Adam's step rescaled per variable by the trust ratio ||w|| / ||step||."""
from kerax import ops
from kerax.optimizers.adam import step_count
from kerax.optimizers.optimizer import Optimizer


class Lamb(Optimizer):
    """`u = m_hat / (sqrt(v_hat) + epsilon)` (bias-corrected Adam moments);
    `w -= lr * (||w|| / ||u|| if both norms > 0 else 1) * u`."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, name="lamb", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        t = step_count(self, variable.dtype)
        m, v = self._momentums[index], self._velocities[index]
        m.assign_add((gradient - m) * (1 - self.beta_1))
        v.assign_add((ops.square(gradient) - v) * (1 - self.beta_2))
        m_hat = m / (1.0 - ops.power(self.beta_1, t))
        update = m_hat / (ops.sqrt(v / (1.0 - ops.power(self.beta_2, t))) + self.epsilon)
        w_norm, u_norm = ops.sqrt(ops.sum(ops.square(variable))), ops.sqrt(ops.sum(ops.square(update)))
        both_positive = ops.logical_and(w_norm > 0, u_norm > 0)
        ratio = ops.where(both_positive, w_norm / ops.where(u_norm > 0, u_norm, 1.0), 1.0)
        variable.assign_sub(ratio * ops.cast(learning_rate, variable.dtype) * update)

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}
