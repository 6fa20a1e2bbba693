"""SGD with optional (Nesterov) momentum."""
from kerax import ops
from kerax.optimizers.optimizer import Optimizer


class SGD(Optimizer):
    """`m = momentum * m - lr * g`, then `w += m` (Nesterov: `w += momentum * m - lr * g`);
    without momentum, `w -= lr * g`."""

    def __init__(self, learning_rate=0.01, momentum=0.0, nesterov=False, name="SGD", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        if not isinstance(momentum, (int, float)) or not 0 <= momentum <= 1:
            raise ValueError(f"`momentum` must be a float between [0, 1]. Received: momentum={momentum!r}")
        self.momentum = float(momentum)
        self.nesterov = nesterov

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self.momentums = self.add_optimizer_variables(var_list, "momentum") if self.momentum else []

    def update_step(self, gradient, variable, learning_rate):
        step = ops.cast(learning_rate, variable.dtype) * gradient
        if not self.momentum:
            variable.assign_sub(step)
            return
        m = self.momentums[self._get_variable_index(variable)]
        m.assign(self.momentum * m - step)
        variable.assign_add(self.momentum * m - step if self.nesterov else m.value)

    def get_config(self):
        return {**super().get_config(), "momentum": self.momentum, "nesterov": self.nesterov}
