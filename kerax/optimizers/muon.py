"""Muon (Jordan et al. 2024; Liu et al. 2025): momentum orthogonalised by Newton-Schulz iterations for 2D
weights, AdamW for everything else (biases, embeddings, layers named in `exclude_layers`)."""
import re

from kerax import ops
from kerax.optimizers.adam import step_count
from kerax.optimizers.optimizer import Optimizer


def _swap_last_axes(x):
    return ops.swapaxes(x, -1, -2)


class Muon(Optimizer):
    """Muon step: `m = momentum * m + g`; `u = g + momentum * m` (nesterov) or `m`;
    `w -= lr * NS5(u) * sqrt(max(rows, cols)) * rms_rate` (no scaling when `rms_rate=None`).
    AdamW step: Adam with `lr * adam_lr_ratio` and `adam_weight_decay` instead of `weight_decay`."""

    def __init__(self, learning_rate=0.001, adam_beta_1=0.9, adam_beta_2=0.999, adam_weight_decay=0.004,
                 epsilon=1e-7, weight_decay=0.004, name="muon", exclude_layers=None, exclude_embeddings=True,
                 muon_a=3.4445, muon_b=-4.7750, muon_c=2.0315, adam_lr_ratio=1, momentum=0.95, ns_steps=5,
                 nesterov=True, rms_rate=0.2, **kwargs):
        super().__init__(learning_rate, weight_decay=weight_decay, name=name, **kwargs)
        self.adam_beta_1 = adam_beta_1
        self.adam_beta_2 = adam_beta_2
        self.adam_weight_decay = adam_weight_decay
        self.epsilon = epsilon
        self.exclude_layers = list(exclude_layers or [])
        self.exclude_embeddings = exclude_embeddings
        self.muon_a, self.muon_b, self.muon_c = muon_a, muon_b, muon_c
        self.adam_lr_ratio = adam_lr_ratio
        self.momentum = momentum
        self.ns_steps = ns_steps
        self.nesterov = nesterov
        self.rms_rate = rms_rate

    def _should_use_adamw(self, variable):
        path = str(getattr(variable, "path", variable.name))
        if len(variable.shape) != 2:
            return True
        if self.exclude_embeddings and "embedding" in path.lower():
            return True
        return any(re.search(keyword, path) for keyword in self.exclude_layers)

    def build(self, var_list):
        if self.built:
            return
        super().build(var_list)
        self.momentums, self.adam_velocities = [], []
        for variable in var_list:
            self.momentums.append(self.add_variable_from_reference(variable, "momentum"))
            self.adam_velocities.append(self.add_variable_from_reference(variable, "velocity")
                                        if self._should_use_adamw(variable) else None)

    def update_step(self, gradient, variable, learning_rate):
        index = self._get_variable_index(variable)
        m, v = self.momentums[index], self.adam_velocities[index]
        if v is not None:
            self._adamw_step(gradient, variable, learning_rate * self.adam_lr_ratio, m, v)
            return
        m.assign_add(gradient + m * (self.momentum - 1))
        direction = gradient + self.momentum * m if self.nesterov else m.value
        orthogonal = self.zeropower_via_newtonschulz5(direction, self.ns_steps)
        variable.assign_sub(self.lr_adjust(ops.cast(learning_rate, variable.dtype) * orthogonal))

    def _adamw_step(self, gradient, variable, learning_rate, m, v):
        t = step_count(self, variable.dtype)
        lr = ops.cast(learning_rate, variable.dtype)
        alpha = lr * ops.sqrt(1 - ops.power(self.adam_beta_2, t)) / (1 - ops.power(self.adam_beta_1, t))
        m.assign_add((gradient - m) * (1 - self.adam_beta_1))
        v.assign_add((ops.square(gradient) - v) * (1 - self.adam_beta_2))
        variable.assign_sub(m * alpha / (ops.sqrt(v) + self.epsilon))

    def lr_adjust(self, x):
        """Moonlight's scaling, `x * sqrt(max(rows, cols)) * rms_rate`, so Muon can share Adam's rate."""
        if self.rms_rate is None:
            return x
        return x * (max(x.shape[0], x.shape[1]) ** 0.5) * self.rms_rate

    def zeropower_via_newtonschulz5(self, x, steps):
        """An approximate orthogonalisation U V^T of x = U S V^T: `steps` quintic Newton-Schulz iterations
        `x = a x + (b A + c A @ A) x` with `A = x x^T`, after scaling x to Frobenius norm <= 1."""
        if len(x.shape) < 2:
            raise ValueError(f"Expected gradient or momentum to have at least 2 dimensions. Received: "
                             f"shape={tuple(x.shape)}")
        tall = x.shape[-2] > x.shape[-1]
        if tall:
            x = _swap_last_axes(x)
        x = x / (ops.norm(x, axis=(-2, -1), keepdims=True) + 1e-7)
        for _ in range(steps):
            gram = ops.matmul(x, _swap_last_axes(x))
            x = self.muon_a * x + ops.matmul(self.muon_b * gram + self.muon_c * ops.matmul(gram, gram), x)
        return _swap_last_axes(x) if tall else x

    def _apply_weight_decay(self, variables, learning_rate):
        for variable in variables:
            rate = self.adam_weight_decay if self._should_use_adamw(variable) else self.weight_decay
            if rate is not None and self._use_weight_decay(variable):
                variable.assign(variable - variable * ops.cast(rate * learning_rate, variable.dtype))

    def get_config(self):
        return {
            **super().get_config(), "adam_beta_1": self.adam_beta_1, "adam_beta_2": self.adam_beta_2,
            "epsilon": self.epsilon, "exclude_layers": self.exclude_layers, "muon_a": self.muon_a,
            "muon_b": self.muon_b, "muon_c": self.muon_c, "adam_lr_ratio": self.adam_lr_ratio,
            "momentum": self.momentum, "ns_steps": self.ns_steps, "nesterov": self.nesterov,
            "exclude_embeddings": self.exclude_embeddings, "adam_weight_decay": self.adam_weight_decay,
            "rms_rate": self.rms_rate,
        }
