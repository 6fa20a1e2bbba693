import random

import numpy as np
import pytest

import kerax
from kerax import utils


def draws():
    return (
        random.random(),
        np.random.rand(),
        np.asarray(kerax.random.normal((3,))),
        np.asarray(kerax.random.uniform((2,), seed=kerax.random.SeedGenerator())),
    )


def test_set_random_seed_makes_every_source_repeatable():
    utils.set_random_seed(42)
    first = draws()
    utils.set_random_seed(42)
    second = draws()
    assert first[:2] == second[:2]
    np.testing.assert_array_equal(first[2], second[2])
    np.testing.assert_array_equal(first[3], second[3])
    utils.set_random_seed(43)
    assert not np.array_equal(draws()[2], first[2])


def test_set_random_seed_rejects_non_integers():
    with pytest.raises(ValueError, match="Expected `seed` argument to be an integer"):
        utils.set_random_seed(1.5)
