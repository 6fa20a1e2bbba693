"""Schedule-Free AdamW (Defazio et al. 2024): no learning-rate schedule needed; the trained weights are an
interpolation between the gradient-step sequence (`momentum` slot) and its running average."""
from kerax import ops
from kerax.optimizers.adam import step_count
from kerax.optimizers.optimizer import Optimizer


class ScheduleFreeAdamW(Optimizer):
    """With `z` the momentum slot (starting at the weights) and `y` the weights:
    `v += (g**2 - v)(1 - beta_2)`; `z -= lr_t * g / (sqrt(v / (1 - beta_2**t)) + epsilon)`;
    `x = (y - (1 - beta_1) z_old) / beta_1`; `x = (1 - 1/t) x + z / t`; `y = (1 - beta_1) z + beta_1 x`,
    where `lr_t` ramps up linearly over `warmup_steps`."""

    def __init__(self, learning_rate=0.0025, beta_1=0.9, beta_2=0.999, epsilon=1e-8, warmup_steps=0,
                 name="schedule_free_adamw", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon
        self.warmup_steps = warmup_steps

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(var_list, ["momentum", "velocity"])
        for momentum, variable in zip(self._momentums, var_list):
            momentum.assign(variable.value)

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        t = step_count(self, variable.dtype)
        lr = ops.cast(learning_rate, variable.dtype)
        if self.warmup_steps > 0:
            lr = lr * ops.minimum(t / self.warmup_steps, 1.0)
        z, v = self._momentums[index], self._velocities[index]
        z_old = z.value
        v.assign_add((ops.square(gradient) - v) * (1 - self.beta_2))
        z.assign_sub(lr * gradient / (ops.sqrt(v / (1 - ops.power(self.beta_2, t))) + self.epsilon))
        x = (variable.value - (1 - self.beta_1) * z_old) / self.beta_1
        x = (1 - 1.0 / t) * x + z.value / t
        variable.assign((1 - self.beta_1) * z.value + self.beta_1 * x)

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon,
                "warmup_steps": self.warmup_steps}
