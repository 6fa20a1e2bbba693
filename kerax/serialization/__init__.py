"""The object registry and (de)serialization every package registers into. Imports nothing above the backend;
the file formats that use it live in `kerax.saving`."""
from kerax.serialization.registry import (
    CustomObjectScope, custom_object_scope, deserialize, deserialize_keras_object, get_custom_objects,
    get_registered_name, get_registered_object, register_keras_serializable, serialize,
    serialize_keras_object,
)
from kerax.serialization.safe_mode import SafeModeScope, in_safe_mode
