"""Mean and variance of the data a preprocessing layer adapts to, accumulated in float64 with NumPy so a
Dataset can be streamed batch by batch."""
import numpy as np

from kerax import backend
from kerax.data import Dataset


def moments_of(data, layer, batch_size=None, steps=None):
    """Returns (mean, variance, sample_shape) over `layer.reduction_axes(rank)`; `sample_shape` is the
    shape of one batch with the batch size left unknown."""
    count, total, total_sq, shape = 0, 0.0, 0.0, None
    for batch in _batches(data, batch_size, steps):
        batch = np.asarray(backend.convert_to_numpy(batch), dtype="float64")
        if shape is not None and batch.shape[1:] != shape[1:]:
            raise ValueError(f'{type(layer).__name__} layer "{layer.name}": adapt() received batches of '
                             f"different shapes {shape} and {batch.shape}.")
        shape = (None,) + batch.shape[1:] if batch.ndim else ()
        axes = layer.reduction_axes(batch.ndim)
        count += int(np.prod([batch.shape[a] for a in axes]))
        total = total + batch.sum(axis=axes)
        total_sq = total_sq + np.square(batch).sum(axis=axes)
    if count == 0:
        raise ValueError(f'{type(layer).__name__} layer "{layer.name}": adapt() received no data.')
    mean = total / count
    variance = np.maximum(total_sq / count - np.square(mean), 0.0)
    return mean, variance, shape


def _batches(data, batch_size, steps):

    if isinstance(data, Dataset):
        for step, element in enumerate(data):
            if steps is not None and step >= steps:
                return
            if isinstance(element, (tuple, list, dict)):
                raise ValueError(
                    "adapt() expects a Dataset of feature batches, but its elements are "
                    f"{type(element).__name__}s. Keep only the features, e.g. `dataset.map(lambda x, y: x)`."
                )
            yield element
        return
    array = np.asarray(backend.convert_to_numpy(data))
    if batch_size is None or array.ndim == 0:
        yield array
        return
    for step, start in enumerate(range(0, len(array), batch_size)):
        if steps is not None and step >= steps:
            return
        yield array[start:start + batch_size]
