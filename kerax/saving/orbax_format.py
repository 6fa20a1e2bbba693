"""`load_model(directory)` for a directory of OrbaxCheckpoint steps: the model rebuilt from the config of
the latest step (compiled from its compile config), then given that step's weights and optimizer state."""
import json

from kerax.callbacks import orbax_state
from kerax.saving import compile_config, json_format


def load_model(path, custom_objects=None, compile=True, safe_mode=True):
    saved = orbax_state.read_model_config(path)
    if saved is None:
        raise ValueError(f"The Orbax checkpoint in {path} does not contain the model configuration: it was "
                         "saved with save_weights_only=True. Build the model in code and call "
                         "`model.load_weights(path)` instead.")
    model = json_format.model_from_config(json.loads(saved["config"]), custom_objects,
                                          safe_mode_enabled=safe_mode)
    if compile and saved.get("compile_config"):
        compile_config.compile_from_config(model, saved["compile_config"], custom_objects)
    orbax_state.restore_orbax_checkpoint(model, path)
    return model
