"""The batches `adapt()` learns from: each element of a `kerax.data.Dataset` or other iterable of batches (up
to `steps`), or the whole of an array or list, as host (NumPy) arrays."""
import numpy as np

from kerax import backend


def adapt_batches(data, steps=None, layer=None):
    if isinstance(data, (list, tuple, np.ndarray)) or backend.is_tensor(data):
        if steps is not None:
            raise ValueError(f"{_who(layer)}adapt(): `steps` applies to a Dataset or other iterable of "
                             f"batches, not to arrays or lists. Received steps={steps}.")
        yield as_host(data)
        return
    if not hasattr(data, "__iter__"):
        raise TypeError(f"{_who(layer)}adapt() expects an array, a list, a Dataset or an iterable of "
                        f"batches. Received: {type(data).__name__}.")
    for step, batch in enumerate(data):
        if steps is not None and step >= steps:
            return
        if isinstance(batch, (tuple, dict)):
            raise ValueError(f"{_who(layer)}adapt() expects batches of features, but the data yields "
                             f"{type(batch).__name__}s. Keep only the features, e.g. "
                             "`dataset.map(lambda x, y: x)`.")
        yield as_host(batch)


def as_host(batch):
    if isinstance(batch, backend.Variable):
        return batch.numpy()
    return backend.convert_to_numpy(batch) if backend.is_tensor(batch) else np.asarray(batch)


def _who(layer):
    return f'{type(layer).__name__} layer "{layer.name}": ' if layer is not None else ""
