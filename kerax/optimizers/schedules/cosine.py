"""Cosine schedules: CosineDecay (with optional linear warmup) and CosineDecayRestarts (SGDR)."""
import math

from kerax import ops
from kerax.optimizers.schedules.learning_rate_schedule import (
    LearningRateSchedule, as_float, check_positive_steps,
)


def _cosine(fraction, alpha, scale=1.0):
    """Decays from `scale` to `alpha` as `fraction` goes from 0 to 1."""
    return (1.0 - alpha) * (0.5 * scale * (1.0 + ops.cos(math.pi * fraction))) + alpha


class CosineDecay(LearningRateSchedule):
    """Cosine decay from the start rate to `alpha` times it over `decay_steps`.

    With `warmup_target`, the rate first rises linearly from `initial_learning_rate` to `warmup_target` over
    `warmup_steps`, then decays from `warmup_target`.
    """

    def __init__(self, initial_learning_rate, decay_steps, alpha=0.0, name="CosineDecay", warmup_target=None,
                 warmup_steps=0):
        check_positive_steps("decay_steps", decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = name
        self.warmup_target = warmup_target
        self.warmup_steps = warmup_steps

    def __call__(self, step):
        initial = as_float(self.initial_learning_rate)
        decay_steps = as_float(self.decay_steps)
        step = as_float(step)
        if self.warmup_target is None:
            return initial * _cosine(ops.minimum(step, decay_steps) / decay_steps, self.alpha)
        target = as_float(self.warmup_target)
        warmup_steps = as_float(self.warmup_steps)
        step = ops.minimum(step, decay_steps + warmup_steps)
        warming = (target - initial) * (step / warmup_steps) + initial
        decaying = target * _cosine((step - warmup_steps) / decay_steps, self.alpha)
        return ops.where(step < warmup_steps, warming, decaying)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate, "decay_steps": self.decay_steps,
                "alpha": self.alpha, "name": self.name, "warmup_target": self.warmup_target,
                "warmup_steps": self.warmup_steps}


class CosineDecayRestarts(LearningRateSchedule):
    """Cosine decay with warm restarts: period i lasts `first_decay_steps * t_mul**i` steps and starts from
    `initial_learning_rate * m_mul**i`."""

    def __init__(self, initial_learning_rate, first_decay_steps, t_mul=2.0, m_mul=1.0, alpha=0.0,
                 name="SGDRDecay"):
        check_positive_steps("first_decay_steps", first_decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self.t_mul = t_mul
        self.m_mul = m_mul
        self.alpha = alpha
        self.name = name

    def __call__(self, step):
        fraction = as_float(step) / as_float(self.first_decay_steps)
        if self.t_mul == 1.0:
            restart = ops.floor(fraction)
            fraction = fraction - restart
        else:
            t_mul = as_float(self.t_mul)
            # Periods grow geometrically: find which one `fraction` falls into and how far along it is.
            restart = ops.floor(ops.log(1.0 - fraction * (1.0 - t_mul)) / ops.log(t_mul))
            elapsed = (1.0 - ops.power(t_mul, restart)) / (1.0 - t_mul)
            fraction = (fraction - elapsed) / ops.power(t_mul, restart)
        scale = ops.power(as_float(self.m_mul), restart)
        return as_float(self.initial_learning_rate) * _cosine(fraction, as_float(self.alpha), scale)

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate,
                "first_decay_steps": self.first_decay_steps, "t_mul": self.t_mul, "m_mul": self.m_mul,
                "alpha": self.alpha, "name": self.name}
