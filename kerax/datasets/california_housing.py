"""California housing prices (1990 census): 8 features (MedInc, HouseAge, AveRooms, AveBedrms, Population,
AveOccup, Latitude, Longitude) of 20,640 block groups, target the median house value in dollars."""
import numpy as np

from kerax.datasets import housing_split, sources


def load_data(version="large", path="california_housing.npz", test_split=0.2, seed=113):
    """Returns `(x_train, y_train), (x_test, y_test)`: x `(n, 8)` and y `(n,)` float arrays, shuffled with
    `seed`, the last `test_split` fraction for testing. `version="small"` keeps only the first 600 samples."""
    housing_split.check_test_split(test_split)
    if version not in ("small", "large"):
        raise ValueError(f"Argument `version` must be one of 'small', 'large'. Received: version={version}")
    with np.load(sources.fetch("california_housing.npz", path), allow_pickle=False) as f:
        x, y = f["x"], f["y"]
    if version == "small":
        x, y = x[:600], y[:600]
    return housing_split.shuffle_and_split(x, y, test_split, seed)
