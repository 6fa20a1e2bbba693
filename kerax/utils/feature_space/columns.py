"""The data side of FeatureSpace: each feature as a (batch, 1) column, the columns of a whole dataset for
adapt(), which preprocessors adapt, and the spec of each encoded output."""
import numpy as np

from kerax import backend, layers
from kerax.utils.feature_space.features import cardinality

_NUMPY_DTYPES = {"float32": "float32", "int32": None, "string": None}


def adaptable(preprocessor):
    """Whether adapt() learns this preprocessor's state (not when its state was given: a Normalization's
    mean, a lookup's vocabulary, a Discretization's boundaries)."""
    if not hasattr(preprocessor, "adapt"):
        return False
    if isinstance(preprocessor, layers.Normalization):
        return preprocessor.input_mean is None
    if isinstance(preprocessor, layers.Discretization):
        return preprocessor.num_bins is not None
    return getattr(preprocessor, "input_vocabulary", None) is None


def _column(values, name, dtype):
    column = np.asarray(values)
    if column.ndim == 1:
        column = column[:, None]
    if column.ndim != 2:
        raise ValueError(f"Feature '{name}' should hold one value per sample (shape (batch,) or (batch, 1)). "
                         f"Received shape {column.shape}.")
    return column.astype(_NUMPY_DTYPES[dtype]) if _NUMPY_DTYPES.get(dtype) else column


def as_columns(data, features):
    """({name: (batch, 1) array}, whether the data was one unbatched sample)."""
    if not isinstance(data, dict):
        raise ValueError(f"A FeatureSpace can only be called with a dict. Received: data={data} (of type "
                         f"{type(data)})")
    missing = [name for name in features if name not in data]
    if missing:
        raise ValueError(f"The data given to the FeatureSpace lacks the features {missing}; it has the keys "
                         f"{sorted(data)}.")
    values = {name: np.asarray(backend.convert_to_numpy(data[name]) if backend.is_tensor(data[name])
                               else data[name]) for name in features}
    single = all(value.ndim == 0 for value in values.values())
    if single:
        values = {name: value.reshape(1) for name, value in values.items()}
    return {name: _column(value, name, features[name].dtype) for name, value in values.items()}, single


def collect(dataset, names):
    """{name: (n, 1) array} of every value of the named features in a dataset of dicts (batched or not)."""
    if not names:
        return {}
    parts = {name: [] for name in names}
    for element in dataset.as_numpy_iterator():
        for name in names:
            parts[name].append(np.asarray(element[name]))
    columns = {}
    for name, values in parts.items():
        joined = np.stack(values) if values[0].ndim == 0 else np.concatenate(values)
        columns[name] = joined.reshape(-1, 1) if joined.ndim == 1 else joined
    return columns


def encoded_spec(name, spec, layer):
    """The KerasTensor a feature (or cross) becomes: its one-hot width, or what its preprocessor outputs."""
    if spec.output_mode == "one_hot":
        return backend.KerasTensor((None, cardinality(name, layer)), dtype="float32")
    width = layer.compute_output_shape((None, 1))[-1]
    return backend.KerasTensor((None, width), dtype="float32" if spec.output_mode == "float" else "int64")


def check_concatenable(encoded):
    for name, value in encoded.items():
        dtype = str(value.dtype)
        if dtype == "string" or np.dtype(dtype).kind in "iuUSOb":
            raise ValueError(f"Cannot concatenate features because feature '{name}' has not been encoded "
                             f"(it has dtype {dtype}). Consider using `output_mode='dict'`.")
