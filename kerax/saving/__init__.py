"""kerax.saving: serialization registry (and, with the saving issue, model files)."""
from kerax.saving.serialization import (
    CustomObjectScope, custom_object_scope, deserialize, get_custom_objects, get_registered_name,
    register_keras_serializable, serialize,
)
