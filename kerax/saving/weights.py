"""`save_weights` / `load_weights`.

Formats: kerax's native one is Keras 3's weights layout (see weights_store.py; Keras 3 reads it as a
`.weights.h5` file), written to whatever path is given: `save_weights('./weights/my_model')` writes that
file (creating `./weights/`). `save_format='h5'`, or a path ending in `.h5`/`.hdf5` (but not `.weights.h5`),
writes Keras 2's HDF5 layout (hdf5_weights.py). `load_weights` tells the formats apart by their content and
also reads the weights of `.keras` archives, whole-model `.h5` files and saved-model directories.
"""
import os

from kerax.callbacks import orbax_state
from kerax.saving import file_checks, hdf5_weights, keras_archive, saved_model_dir, weights_store
from kerax.saving.atomic_write import atomic_file, check_overwrite

_SAVE_FORMATS = (None, "h5", "hdf5", "tf", "keras")


def check_built(model, action):
    if not model._is_graph_network and not model.built:
        raise ValueError(
            f'Cannot {action} the weights of model "{model.name}": it has not been built yet, so it has no '
            "weights. Call `model.build(input_shape)` first (e.g. `model.build((None, 32))`), or call the "
            "model on a batch of data."
        )


def _is_legacy_h5(path, save_format):
    if save_format not in _SAVE_FORMATS:
        raise ValueError(f"Unknown save_format {save_format!r}: expected 'h5' (Keras 2's HDF5 layout) or "
                         "'tf' / None (kerax's native weights format).")
    if save_format is not None:
        return save_format in ("h5", "hdf5")
    lower = path.lower()
    return lower.endswith((".h5", ".hdf5")) and not lower.endswith(".weights.h5")


def save_weights(model, filepath, overwrite=True, save_format=None):
    import h5py

    path = os.fspath(filepath)
    check_built(model, "save")
    check_overwrite(path, overwrite)
    legacy = _is_legacy_h5(path, save_format)
    with atomic_file(path) as tmp, h5py.File(tmp, "w") as f:
        if legacy:
            hdf5_weights.save_weights_to_group(f, model)
        else:
            weights_store.save(model, f)


def load_weights(model, filepath, by_name=False, skip_mismatch=False):
    path = os.fspath(filepath)
    check_built(model, "load")
    kind = file_checks.kind_of(path)
    if kind == "directory" and orbax_state.is_orbax_checkpoint(path):
        return orbax_state.restore_orbax_checkpoint(model, path)
    if kind == "directory":
        return saved_model_dir.load_weights(model, path, by_name, skip_mismatch)
    if kind == "keras":
        return keras_archive.load_weights(model, path, by_name, skip_mismatch)
    with file_checks.open_hdf5(path) as f:
        if "layer_names" in f.attrs or "layer_names0" in f.attrs:
            hdf5_weights.load_weights_from_group(f, model, path, by_name, skip_mismatch)
        elif "model_weights" in f:
            hdf5_weights.load_weights_from_group(f["model_weights"], model, path, by_name, skip_mismatch)
        else:
            weights_store.load(model, f, path, by_name, skip_mismatch)
