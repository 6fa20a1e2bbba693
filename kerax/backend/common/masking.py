"""The mask that travels with a tensor (`x._keras_mask`, as Keras code reads it).

Eager arrays and KerasTensors take it as an attribute. Values traced inside a compiled step refuse new
attributes, so theirs go to a side table keyed by identity: each entry holds a weak reference to its tensor,
is read only while that very tensor is alive, and is dropped when the tensor is freed.
"""
import weakref

_SIDE_TABLE = {}  # id(tensor) -> (weak reference to the tensor, mask)


def _forget(key, ref):
    entry = _SIDE_TABLE.get(key)
    if entry is not None and entry[0] is ref:
        del _SIDE_TABLE[key]


def set_keras_mask(x, mask):
    """Attaches `mask` to `x` (None removes it). Values that can be neither given an attribute nor weakly
    referenced (Python numbers, None) carry no mask."""
    try:
        x._keras_mask = mask
        return
    except AttributeError:
        pass
    key = id(x)
    if mask is None:
        _SIDE_TABLE.pop(key, None)
        return
    try:
        ref = weakref.ref(x, lambda r, key=key: _forget(key, r))
    except TypeError:
        return
    _SIDE_TABLE[key] = (ref, mask)


def get_keras_mask(x):
    """The mask attached to `x`, or None."""
    mask = getattr(x, "_keras_mask", None)
    if mask is not None:
        return mask
    entry = _SIDE_TABLE.get(id(x))
    if entry is not None and entry[0]() is x:
        return entry[1]
    return None
