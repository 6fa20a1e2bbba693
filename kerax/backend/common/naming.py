"""Unique default names: `dense`, `dense_1`, ... per prefix, reset by `kerax.backend.clear_session()`."""
import re

_counts = {}


def to_snake_case(name):
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def uniquify(prefix):
    count = _counts.get(prefix, 0)
    _counts[prefix] = count + 1
    return prefix if count == 0 else f"{prefix}_{count}"


def get_uid(prefix=""):
    """1, 2, 3, ... on successive calls with the same prefix (Keras's `backend.get_uid`); shares the counts
    that default names use."""
    _counts[prefix] = _counts.get(prefix, 0) + 1
    return _counts[prefix]


def reset():
    _counts.clear()
