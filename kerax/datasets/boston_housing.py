"""Boston housing prices (StatLib): 13 attributes of 506 locations near Boston in the 1970s, target the median
home value in k$. Keras warns that the data has an ethical problem (the "B" variable); prefer
`california_housing` except to illustrate that problem."""
import numpy as np

from kerax.datasets import housing_split, sources


def load_data(path="boston_housing.npz", test_split=0.2, seed=113):
    """Returns `(x_train, y_train), (x_test, y_test)`: x `(n, 13)` and y `(n,)` float arrays, shuffled with
    `seed`, the last `test_split` fraction for testing."""
    housing_split.check_test_split(test_split)
    with np.load(sources.fetch("boston_housing.npz", path), allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    return housing_split.shuffle_and_split(x, y, test_split, seed)
