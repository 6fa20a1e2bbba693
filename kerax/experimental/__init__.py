"""kerax.experimental: tf.keras 1.x's `export_saved_model` / `load_from_saved_model`, writing and reading
kerax's saved-model directory (see kerax/saving/saved_model_dir.py)."""
from kerax.saving import saved_model_dir as _saved_model_dir


def export_saved_model(model, saved_model_path, custom_objects=None, as_text=None, input_signature=None,
                       serving_only=False):
    """Saves `model` (architecture, weights, compile configuration, optimizer state) as a directory."""
    _saved_model_dir.save_model(model, saved_model_path)


def load_from_saved_model(saved_model_path, custom_objects=None):
    """The model saved by `export_saved_model` (or `model.save(directory)`)."""
    return _saved_model_dir.load_model(saved_model_path, custom_objects=custom_objects)
