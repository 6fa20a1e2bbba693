"""Learning-rate schedules against their formulas in NumPy, under compilation, and through configs."""
import json
import math

import numpy as np
import pytest

from kerax import backend, optimizers
from kerax.optimizers import schedules

STEPS = [0, 1, 4, 5, 6, 9, 10, 12, 25, 37]


def sgdr(step, first, t_mul, m_mul, alpha, initial):
    """Walk the restart periods one by one (independent of the closed form the schedule uses)."""
    start, length, restart = 0.0, float(first), 0
    while step >= start + length:
        start, length, restart = start + length, length * t_mul, restart + 1
    fraction = (step - start) / length
    return initial * ((1 - alpha) * 0.5 * m_mul**restart * (1 + math.cos(math.pi * fraction)) + alpha)


def cosine_warmup(step, initial, decay_steps, alpha, target, warmup):
    if step < warmup:
        return initial + (target - initial) * step / warmup
    done = min(step - warmup, decay_steps) / decay_steps
    return target * ((1 - alpha) * 0.5 * (1 + math.cos(math.pi * done)) + alpha)


def polynomial_cycle(step, initial, decay_steps, end, power):
    decay_steps = decay_steps * (1 if step == 0 else math.ceil(step / decay_steps))
    return (initial - end) * (1 - step / decay_steps) ** power + end


CASES = {
    "exponential": (schedules.ExponentialDecay(0.1, 10, 0.5), lambda s: 0.1 * 0.5 ** (s / 10)),
    "exponential_staircase": (schedules.ExponentialDecay(0.1, 4, 0.5, staircase=True),
                              lambda s: 0.1 * 0.5 ** (s // 4)),
    "inverse_time": (schedules.InverseTimeDecay(0.1, 10, 0.5), lambda s: 0.1 / (1 + 0.5 * s / 10)),
    "inverse_time_staircase": (schedules.InverseTimeDecay(0.1, 4, 0.5, staircase=True),
                               lambda s: 0.1 / (1 + 0.5 * (s // 4))),
    "polynomial": (schedules.PolynomialDecay(0.1, 10, 0.01, power=2.0),
                   lambda s: (0.1 - 0.01) * (1 - min(s, 10) / 10) ** 2 + 0.01),
    "polynomial_cycle": (schedules.PolynomialDecay(0.1, 10, 0.01, power=0.5, cycle=True),
                         lambda s: polynomial_cycle(s, 0.1, 10, 0.01, 0.5)),
    "piecewise": (schedules.PiecewiseConstantDecay([5, 10], [1.0, 0.5, 0.1]),
                  lambda s: 1.0 if s <= 5 else 0.5 if s <= 10 else 0.1),
    "cosine": (schedules.CosineDecay(0.1, 10, alpha=0.1),
               lambda s: 0.1 * (0.9 * 0.5 * (1 + math.cos(math.pi * min(s, 10) / 10)) + 0.1)),
    "cosine_warmup": (schedules.CosineDecay(0.0, 20, alpha=0.1, warmup_target=0.2, warmup_steps=5),
                      lambda s: cosine_warmup(s, 0.0, 20, 0.1, 0.2, 5)),
    "cosine_restarts": (schedules.CosineDecayRestarts(0.1, 4, t_mul=2.0, m_mul=0.5, alpha=0.05),
                        lambda s: sgdr(s, 4, 2.0, 0.5, 0.05, 0.1)),
    "cosine_restarts_fixed_period": (schedules.CosineDecayRestarts(0.1, 4, t_mul=1.0, m_mul=0.8),
                                     lambda s: sgdr(s, 4, 1.0, 0.8, 0.0, 0.1)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_schedule_matches_formula(case):
    schedule, formula = CASES[case]
    steps = [s for s in STEPS if not (case == "cosine_restarts" and s in (4, 12))]  # avoid period edges
    got = [float(schedule(np.int32(s))) for s in steps]
    np.testing.assert_allclose(got, [formula(s) for s in steps], rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("case", sorted(CASES))
def test_schedule_config_round_trip(case):
    schedule = CASES[case][0]
    config = schedules.serialize(schedule)
    restored = schedules.deserialize(json.loads(json.dumps(config)))
    assert type(restored) is type(schedule)
    assert restored.get_config() == schedule.get_config()


def test_schedule_traces_under_jit():
    schedule = schedules.PiecewiseConstantDecay([2], [0.5, 0.25])
    compiled = backend.jit(lambda step: schedule(step))
    assert [float(compiled(np.int32(s))) for s in (2, 3)] == [0.5, 0.25]


def test_schedule_errors():
    with pytest.raises(ValueError, match="decay_steps` must be > 0"):
        schedules.ExponentialDecay(0.1, 0, 0.5)
    with pytest.raises(ValueError, match="1 less than the length of values"):
        schedules.PiecewiseConstantDecay([1, 2], [0.1, 0.2])
    with pytest.raises(ValueError, match="Unknown learning rate schedule"):
        schedules.deserialize({"class_name": "NoSuchDecay", "config": {}})


def test_custom_schedule_subclass_in_an_optimizer():
    class Halving(schedules.LearningRateSchedule):
        def __call__(self, step):
            return 1.0 / (2.0 ** backend.cast(step, "float32"))

        def get_config(self):
            return {}

    optimizer = optimizers.SGD(Halving())
    w = backend.Variable(np.zeros(1, "float32"))
    for _ in range(3):
        optimizer.apply([np.ones(1, "float32")], [w])
    np.testing.assert_allclose(w.numpy(), [-1.75])
    with pytest.raises(NotImplementedError, match="must override `get_config"):
        schedules.LearningRateSchedule().get_config()
