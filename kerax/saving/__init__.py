"""kerax.saving: the file formats. Saving and loading models and weights (`load_model`, `save_model`,
`load_weights`, `save_weights`; saving_api.py and weights.py), and the registry re-exported from
`kerax.serialization`. Model classes are found through the registry, so this package sits below models."""
from kerax.saving.file_editor import KerasFileEditor
from kerax.saving.saving_api import load_model, save_model
from kerax.saving.weights import load_weights, save_weights
from kerax.serialization import (
    CustomObjectScope, custom_object_scope, deserialize, deserialize_keras_object, get_custom_objects,
    get_registered_name, get_registered_object, register_keras_serializable, serialize,
    serialize_keras_object,
)
