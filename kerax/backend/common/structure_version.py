"""A counter bumped whenever a variable is created, a layer's `trainable` flag is set or a model's layers
change: caches of compiled programs keyed on a model's structure compare it instead of walking the layers on
every call."""
_version = [0]


def bump():
    _version[0] += 1


def current():
    return _version[0]
