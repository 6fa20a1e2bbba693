import os

os.environ.setdefault("KERAX_COMPILATION_CACHE", "0")

import numpy as np
import pytest

import kerax


@pytest.fixture(autouse=True)
def fresh_session():
    """Each test starts with default names (dense, dense_1, ...) and a fixed seed."""
    kerax.backend.clear_session()
    kerax.utils.set_random_seed(1337)
    yield


@pytest.fixture
def rng():
    return np.random.default_rng(0)
