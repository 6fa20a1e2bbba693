"""RMSprop: divide the gradient by a running root-mean-square of recent gradients."""
from kerax import ops
from kerax.optimizers.optimizer import Optimizer, default_epsilon


class RMSprop(Optimizer):
    """`v = rho * v + (1 - rho) * g**2`; `step = lr * g / sqrt(v + epsilon)` (centered: `v - mean_g**2`
    under the root); with momentum `m = momentum * m + step; w -= m`, else `w -= step`."""

    # tf.train.RMSPropOptimizer starts the mean square at one (see kerax.compat.v1.train); Keras at zero.
    _initial_mean_square = "zeros"

    def __init__(self, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False,
                 name="rmsprop", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.rho = rho
        self.momentum = momentum
        self.epsilon = default_epsilon(epsilon)
        self.centered = centered

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._velocities = self.add_optimizer_variables(var_list, "velocity", self._initial_mean_square)
        self._momentums = self.add_optimizer_variables(var_list, "momentum") if self.momentum > 0 else []
        self._average_gradients = (
            self.add_optimizer_variables(var_list, "average_gradient") if self.centered else []
        )

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        lr = ops.cast(learning_rate, variable.dtype)
        rho = self.rho
        velocity = self._velocities[index]
        velocity.assign(rho * velocity + (1 - rho) * ops.square(gradient))
        mean_square = velocity
        if self.centered:
            average = self._average_gradients[index]
            average.assign(rho * average + (1 - rho) * gradient)
            mean_square = mean_square - ops.square(average)
        increment = lr * gradient / self._root(mean_square)
        if self.momentum > 0:
            momentum = self._momentums[index]
            momentum.assign(self.momentum * momentum + increment)
            variable.assign_sub(momentum)
        else:
            variable.assign_sub(increment)

    def _root(self, mean_square):
        return ops.sqrt(mean_square + self.epsilon)

    def get_config(self):
        return {**super().get_config(), "rho": self.rho, "momentum": self.momentum, "epsilon": self.epsilon,
                "centered": self.centered}
