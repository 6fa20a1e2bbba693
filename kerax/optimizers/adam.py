"""Adam: bias-corrected running first and second moments of the gradient."""
from kerax import ops
from kerax.optimizers.optimizer import Optimizer, default_epsilon


def step_count(optimizer, dtype, offset=1):
    """The 1-based number of the update being applied, as a float for powers of the betas."""
    return ops.cast(optimizer.iterations + offset, dtype)


class Adam(Optimizer):
    """`m += (g - m)(1 - beta_1)`; `v += (g**2 - v)(1 - beta_2)` (amsgrad: `v = max(v_hat, v)`);
    `w -= lr * sqrt(1 - beta_2**t) / (1 - beta_1**t) * m / (sqrt(v) + epsilon)`."""

    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False,
                 name="adam", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = default_epsilon(epsilon)
        self.amsgrad = amsgrad

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])
        self._velocity_hats = self.add_optimizer_variables(var_list, "velocity_hat") if self.amsgrad else []

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        t = step_count(self, variable.dtype)
        lr = ops.cast(learning_rate, variable.dtype)
        alpha = lr * ops.sqrt(1 - ops.power(self.beta_2, t)) / (1 - ops.power(self.beta_1, t))
        m, v = self._momentums[index], self._velocities[index]
        m.assign_add((gradient - m) * (1 - self.beta_1))
        v.assign_add((ops.square(gradient) - v) * (1 - self.beta_2))
        if self.amsgrad:
            v_hat = self._velocity_hats[index]
            v_hat.assign(ops.maximum(v_hat, v))
            v = v_hat
        variable.assign_sub(m * alpha / (ops.sqrt(v) + self.epsilon))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "amsgrad": self.amsgrad}
