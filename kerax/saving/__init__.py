"""kerax.saving: the serialization registry, and saving/loading models and weights (`load_model`,
`save_model`, `load_weights`, `save_weights`; see saving_api.py and weights.py for the formats)."""
from kerax.serialization import (
    CustomObjectScope, custom_object_scope, deserialize, deserialize_keras_object, get_custom_objects,
    get_registered_name, get_registered_object, register_keras_serializable, serialize,
    serialize_keras_object,
)

_LAZY = {"load_model": "saving_api", "save_model": "saving_api", "load_weights": "weights",
         "save_weights": "weights"}


def __getattr__(name):
    # Imported on first use: the file formats need kerax's models, which import this package.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"kerax.saving.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'kerax.saving' has no attribute {name!r}")
