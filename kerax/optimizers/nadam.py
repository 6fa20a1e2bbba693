"""Nadam: Adam with Nesterov momentum and Dozat's momentum schedule `mu_t = beta_1 (1 - 0.5 * 0.96**t)`."""
from kerax import backend, ops
from kerax.optimizers.adam import step_count
from kerax.optimizers.optimizer import Optimizer, default_epsilon


class Nadam(Optimizer):
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, name="nadam", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = default_epsilon(epsilon)

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._momentums = self.add_optimizer_variables(var_list, "momentum")
        self._velocities = self.add_optimizer_variables(var_list, "velocity")
        dtype = var_list[0].dtype if var_list else backend.floatx()
        self._u_product = self.add_variable((), "ones", dtype, name="u_product")

    def _mu(self, dtype, offset):
        exponent = self._schedule_exponent(step_count(self, dtype, offset))
        return self.beta_1 * (1.0 - 0.5 * ops.power(0.96, exponent))

    def _schedule_exponent(self, step):
        return step

    def _update_all(self, grads, trainable_variables, learning_rate):
        # The product of all momentum coefficients so far is shared by every variable: advance it once.
        self._u_product.assign(self._u_product * self._mu(self._u_product.dtype, 1))
        super()._update_all(grads, trainable_variables, learning_rate)

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        dtype = variable.dtype
        lr = ops.cast(learning_rate, dtype)
        mu_t, mu_next = self._mu(dtype, 1), self._mu(dtype, 2)
        product = ops.cast(self._u_product, dtype)
        m, v = self._momentums[index], self._velocities[index]
        m.assign_add((gradient - m) * (1 - self.beta_1))
        v.assign_add((ops.square(gradient) - v) * (1 - self.beta_2))
        m_hat = mu_next * m / (1 - product * mu_next) + (1 - mu_t) * gradient / (1 - product)
        v_hat = v / (1 - ops.power(self.beta_2, step_count(self, dtype)))
        variable.assign_sub(m_hat * lr / (ops.sqrt(v_hat) + self.epsilon))

    def get_config(self):
        return {**super().get_config(), "beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon}
