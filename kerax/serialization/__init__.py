"""The object registry and (de)serialization every package registers into. Imports nothing above the backend;
the file formats that use it live in `kerax.saving`."""
from kerax.serialization.registry import (
    CustomObjectScope, custom_object_scope, deserialize, get_custom_objects, get_registered_name,
    register_keras_serializable, serialize,
)
from kerax.serialization.safe_mode import SafeModeScope, in_safe_mode
