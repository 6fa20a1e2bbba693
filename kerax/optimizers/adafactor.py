"""Adafactor (Shazeer & Stern 2018): second moments kept as row and column means for matrices, so the
optimizer state grows with rows + columns instead of rows * columns."""
from kerax import ops
from kerax.optimizers.adam import step_count
from kerax.optimizers.optimizer import Optimizer


def _rms(x):
    return ops.sqrt(ops.mean(ops.square(x)))


class Adafactor(Optimizer):
    """With `t` the step and `g2 = g**2 + epsilon_1`: `beta_2_t = 1 - t**beta_2_decay`; for variables of
    rank >= 2, `r` (mean over the last axis) and `c` (mean over the second-last) of g2 are averaged with
    beta_2_t and `v = r / mean(r) (outer) c`; otherwise v itself is averaged. Then `u = g / sqrt(v)`, clipped
    to RMS <= clip_threshold, and `w -= max(epsilon_2, rms(w)) * min(lr, 1 / sqrt(t)) * u`."""

    def __init__(self, learning_rate=0.001, beta_2_decay=-0.8, epsilon_1=1e-30, epsilon_2=1e-3,
                 clip_threshold=1.0, relative_step=True, name="adafactor", **kwargs):
        super().__init__(learning_rate, name=name, **kwargs)
        self.beta_2_decay = beta_2_decay
        self.epsilon_1 = epsilon_1
        self.epsilon_2 = epsilon_2
        self.clip_threshold = clip_threshold
        self.relative_step = relative_step

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self._r, self._c, self._v = [], [], []
        for variable in var_list:
            factored = len(variable.shape) >= 2
            shape = tuple(variable.shape)
            self._r.append(self.add_variable(shape[:-1], dtype=variable.dtype, name=f"{variable.name}_r")
                           if factored else None)
            self._c.append(self.add_variable(shape[:-2] + shape[-1:], dtype=variable.dtype,
                                             name=f"{variable.name}_c") if factored else None)
            self._v.append(self.add_variable_from_reference(variable, "velocity"))

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        t = step_count(self, variable.dtype)
        # `relative_step` caps the rate at 1 / sqrt(t), which the step size below applies in any case.
        rho = ops.minimum(ops.cast(learning_rate, variable.dtype), 1.0 / ops.sqrt(t))
        alpha = ops.maximum(self.epsilon_2, _rms(variable)) * rho
        squared = ops.square(gradient) + self.epsilon_1
        beta_2_t = 1.0 - ops.power(t, self.beta_2_decay)
        r, c, v = self._r[index], self._c[index], self._v[index]
        if r is not None:
            r.assign(beta_2_t * r + (1.0 - beta_2_t) * ops.mean(squared, axis=-1))
            c.assign(beta_2_t * c + (1.0 - beta_2_t) * ops.mean(squared, axis=-2))
            v.assign(ops.expand_dims(r / ops.mean(r, axis=-1, keepdims=True), -1) * ops.expand_dims(c, -2))
        else:
            v.assign(beta_2_t * v + (1.0 - beta_2_t) * squared)
        update = gradient / ops.sqrt(v)
        update = update / ops.maximum(1.0, _rms(update) / self.clip_threshold)
        variable.assign_sub(alpha * update)

    def get_config(self):
        return {**super().get_config(), "beta_2_decay": self.beta_2_decay, "epsilon_1": self.epsilon_1,
                "epsilon_2": self.epsilon_2, "clip_threshold": self.clip_threshold,
                "relative_step": self.relative_step}
