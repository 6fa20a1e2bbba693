"""FTRL-Proximal ("Follow The Regularized Leader", McMahan et al. 2013), for wide sparse models."""
from kerax import ops
from kerax.optimizers.optimizer import Optimizer


class Ftrl(Optimizer):
    """`n' = n + g**2`; `z += g + 2*shrinkage*w - (n'**-p - n**-p) / lr * w`;
    `w = (clip(z, -l1, l1) - z) / (n'**-p / lr + 2*(l2 + beta / (2 lr)))` with `p = learning_rate_power`."""

    def __init__(self, learning_rate=0.001, learning_rate_power=-0.5, initial_accumulator_value=0.1,
                 l1_regularization_strength=0.0, l2_regularization_strength=0.0,
                 l2_shrinkage_regularization_strength=0.0, beta=0.0, name="ftrl", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        non_negative = {
            "initial_accumulator_value": initial_accumulator_value,
            "l1_regularization_strength": l1_regularization_strength,
            "l2_regularization_strength": l2_regularization_strength,
            "l2_shrinkage_regularization_strength": l2_shrinkage_regularization_strength,
        }
        for argument, value in non_negative.items():
            if value < 0:
                raise ValueError(f"`{argument}` needs to be positive or zero. Received: {argument}={value}.")
        if learning_rate_power > 0:
            raise ValueError(
                "`learning_rate_power` needs to be negative or zero. "
                f"Received: learning_rate_power={learning_rate_power}."
            )
        self.learning_rate_power = learning_rate_power
        self.initial_accumulator_value = initial_accumulator_value
        self.l1_regularization_strength = l1_regularization_strength
        self.l2_regularization_strength = l2_regularization_strength
        self.l2_shrinkage_regularization_strength = l2_shrinkage_regularization_strength
        self.beta = beta

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._accumulators, self._linears = self.add_optimizer_variables(
            var_list, ["accumulator", "linear"], [self.initial_accumulator_value, "zeros"]
        )

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        lr = ops.cast(learning_rate, variable.dtype)
        power = -self.learning_rate_power
        accumulator, linear = self._accumulators[index], self._linears[index]
        l2 = self.l2_regularization_strength + self.beta / (2.0 * lr)
        shrunk_gradient = gradient + 2 * self.l2_shrinkage_regularization_strength * variable
        new_accumulator = accumulator + ops.square(gradient)
        sigma = (ops.power(new_accumulator, power) - ops.power(accumulator, power)) / lr
        linear.assign_add(shrunk_gradient - sigma * variable)
        quadratic = ops.power(new_accumulator, power) / lr + 2 * l2
        l1 = self.l1_regularization_strength
        variable.assign((ops.clip(linear, -l1, l1) - linear) / quadratic)
        accumulator.assign(new_accumulator)

    def get_config(self):
        return {
            **super().get_config(), "learning_rate_power": self.learning_rate_power,
            "initial_accumulator_value": self.initial_accumulator_value,
            "l1_regularization_strength": self.l1_regularization_strength,
            "l2_regularization_strength": self.l2_regularization_strength,
            "l2_shrinkage_regularization_strength": self.l2_shrinkage_regularization_strength,
            "beta": self.beta,
        }
