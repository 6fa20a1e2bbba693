"""set_random_seed: one seed for Python's `random`, NumPy's global generator and kerax.random."""
import random

import numpy as np

from kerax.random import set_global_seed


def set_random_seed(seed):
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)):
        raise ValueError(
            f"Expected `seed` argument to be an integer. Received: seed={seed!r} (of type {type(seed)})"
        )
    random.seed(int(seed))
    np.random.seed(int(seed))
    # Imported here: the backend imports kerax.utils while it loads, before kerax.random can be imported.

    set_global_seed(int(seed))
