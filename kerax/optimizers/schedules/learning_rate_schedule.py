"""The LearningRateSchedule base and the step-wise decays: exponential, inverse-time, polynomial, piecewise.

A schedule maps the optimizer's step count to a learning rate with `kerax.ops` only, so it traces inside a
compiled train step and the rate changes every step without recompiling.
"""
from kerax import backend, ops


class LearningRateSchedule:
    """Base class: subclasses define `__call__(step)` and `get_config()`."""

    def __call__(self, step):
        raise NotImplementedError(
            f"Learning rate schedule '{type(self).__name__}' must override `__call__(self, step)`."
        )

    def get_config(self):
        raise NotImplementedError(
            f"Learning rate schedule '{type(self).__name__}' must override `get_config()`."
        )

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def check_positive_steps(argument, value):
    if value <= 0:
        raise ValueError(f"Argument `{argument}` must be > 0. Received: {argument}={value}")


def as_float(value):
    return ops.cast(value, backend.floatx())


class _RateDecay(LearningRateSchedule):
    """Shared by the schedules that decay at `decay_rate` per `decay_steps`."""

    def __init__(self, initial_learning_rate, decay_steps, decay_rate, staircase=False, name=None):
        check_positive_steps("decay_steps", decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name or type(self).__name__

    def _progress(self, step):
        p = as_float(step) / as_float(self.decay_steps)
        return ops.floor(p) if self.staircase else p

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate, "decay_steps": self.decay_steps,
                "decay_rate": self.decay_rate, "staircase": self.staircase, "name": self.name}


class ExponentialDecay(_RateDecay):
    """`initial_learning_rate * decay_rate ** (step / decay_steps)` (the exponent floored if `staircase`)."""

    def __call__(self, step):
        decay = ops.power(as_float(self.decay_rate), self._progress(step))
        return as_float(self.initial_learning_rate) * decay


class InverseTimeDecay(_RateDecay):
    """`initial_learning_rate / (1 + decay_rate * step / decay_steps)` (the ratio floored if `staircase`)."""

    def __call__(self, step):
        return as_float(self.initial_learning_rate) / (1.0 + as_float(self.decay_rate) * self._progress(step))


class PolynomialDecay(LearningRateSchedule):
    """`(initial - end) * (1 - step / decay_steps) ** power + end`, with `step` capped at `decay_steps`.

    With `cycle=True`, `decay_steps` grows to the first multiple of itself not below `step` instead.
    """

    def __init__(self, initial_learning_rate, decay_steps, end_learning_rate=0.0001, power=1.0, cycle=False,
                 name="PolynomialDecay"):
        check_positive_steps("decay_steps", decay_steps)
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        self.name = name

    def __call__(self, step):
        step = as_float(step)
        decay_steps = as_float(self.decay_steps)
        if self.cycle:
            decay_steps = decay_steps * ops.where(step == 0, 1.0, ops.ceil(step / decay_steps))
        else:
            step = ops.minimum(step, decay_steps)
        end = as_float(self.end_learning_rate)
        span = as_float(self.initial_learning_rate) - end
        return span * ops.power(1.0 - step / decay_steps, as_float(self.power)) + end

    def get_config(self):
        return {"initial_learning_rate": self.initial_learning_rate, "decay_steps": self.decay_steps,
                "end_learning_rate": self.end_learning_rate, "power": self.power, "cycle": self.cycle,
                "name": self.name}


class PiecewiseConstantDecay(LearningRateSchedule):
    """`values[0]` while `step <= boundaries[0]`, `values[i]` while `boundaries[i-1] < step <= boundaries[i]`,
    and `values[-1]` once `step > boundaries[-1]`."""

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of values. Received: "
                f"boundaries={boundaries} of length {len(boundaries)}, and values={values} "
                f"of length {len(values)}."
            )
        self.boundaries = boundaries
        self.values = values
        self.name = name

    def __call__(self, step):
        step = ops.convert_to_tensor(step)
        boundaries = ops.cast(self.boundaries, step.dtype)
        passed = ops.sum(ops.cast(step > boundaries, "int32"))  # how many boundaries lie strictly below step
        return ops.take(ops.convert_to_tensor(self.values), passed)

    def get_config(self):
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}
