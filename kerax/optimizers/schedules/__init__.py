"""kerax.optimizers.schedules: learning rates that change with the optimizer's step count."""
from kerax.optimizers.schedules.cosine import CosineDecay, CosineDecayRestarts
from kerax.optimizers.schedules.learning_rate_schedule import (
    ExponentialDecay, InverseTimeDecay, LearningRateSchedule, PiecewiseConstantDecay, PolynomialDecay,
)
from kerax.serialization import registry as _serialization

_SCHEDULES = {
    cls.__name__: cls for cls in (
        CosineDecay, CosineDecayRestarts, ExponentialDecay, InverseTimeDecay, PiecewiseConstantDecay,
        PolynomialDecay,
    )
}


def serialize(learning_rate_schedule):
    return _serialization.serialize(learning_rate_schedule)


def deserialize(config, custom_objects=None):
    schedule = _serialization.deserialize(config, _SCHEDULES, "learning rate schedule", custom_objects)
    if not isinstance(schedule, LearningRateSchedule):
        raise ValueError(f"Could not interpret learning rate schedule: {config!r}")
    return schedule
