"""Keras 1 argument spellings (`W_regularizer=`, `subsample=`, ...) that old code still passes."""
import warnings


def pop_legacy(kwargs, old_name, current_value, new_name=None):
    """Returns the value given under the old name, if any, else `current_value`."""
    if old_name not in kwargs:
        return current_value
    value = kwargs.pop(old_name)
    if new_name:
        warnings.warn(f"`{old_name}` is the Keras 1 name of `{new_name}`; use `{new_name}`.", stacklevel=3)
    return value
