"""The shuffle and train/test split shared by the housing regression datasets."""
import numpy as np


def check_test_split(test_split):
    if not 0 <= test_split < 1:
        raise ValueError(f"Invalid `test_split` argument: {test_split}. "
                         "It must be between 0 and 1 (exclusive of 1).")


def shuffle_and_split(x, y, test_split, seed):
    """`(x_train, y_train), (x_test, y_test)`: rows shuffled with `np.random.RandomState(seed)`, the last
    `test_split` fraction for testing."""
    indices = np.arange(len(x))
    np.random.RandomState(seed).shuffle(indices)
    x, y = x[indices], y[indices]
    cut = int(len(x) * (1 - test_split))
    return (x[:cut], y[:cut]), (x[cut:], y[cut:])
