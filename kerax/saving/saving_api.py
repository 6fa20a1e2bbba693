"""`save_model` / `load_model`: the format follows the path (or `save_format`) when saving, and the file's
content when loading.

- `m.keras` (or `save_format='keras'`): Keras 3's zip archive (keras_archive.py);
- `m.h5` / `m.hdf5` (or `save_format='h5'`): Keras 2's whole-model HDF5 file (hdf5_format.py);
- anything else (tf.keras's default `save_format='tf'`): a directory (saved_model_dir.py).
"""
import os

from kerax.callbacks import orbax_state
from kerax.saving import file_checks, hdf5_format, keras_archive, orbax_format, saved_model_dir
from kerax.saving.atomic_write import check_overwrite

# tf.keras arguments about TensorFlow graphs, meaningless here.
_TF_ONLY_ARGUMENTS = ("signatures", "options", "save_traces")


def _save_format(path, save_format):
    lower = path.lower()
    if save_format in ("h5", "hdf5") or (save_format is None and lower.endswith((".h5", ".hdf5"))):
        return "h5"
    if save_format == "keras" or (save_format is None and lower.endswith(".keras")):
        return "keras"
    if save_format in (None, "tf"):
        return "directory"
    raise ValueError(f"Unknown save_format {save_format!r}: expected 'keras', 'h5' or 'tf'.")


def save_model(model, filepath, overwrite=True, save_format=None, include_optimizer=True, **kwargs):
    for name in _TF_ONLY_ARGUMENTS:
        kwargs.pop(name, None)
    if kwargs:
        raise TypeError(f"save() got unexpected keyword argument(s) {sorted(kwargs)}.")
    path = os.fspath(filepath)
    check_overwrite(path, overwrite)
    writer = {"h5": hdf5_format, "keras": keras_archive, "directory": saved_model_dir}[
        _save_format(path, save_format)]
    writer.save_model(model, path, include_optimizer=include_optimizer)


def load_model(filepath, custom_objects=None, compile=True, safe_mode=True, **kwargs):
    """Rebuilds a saved model: architecture, weights and, with `compile=True`, its compile configuration
    and optimizer state, so `fit` resumes where it stopped. `safe_mode=False` allows running code stored in
    the file (Lambda layers saved as bytecode); only use it for files you trust."""
    kwargs.pop("options", None)
    if kwargs:
        raise TypeError(f"load_model() got unexpected keyword argument(s) {sorted(kwargs)}.")
    path = os.fspath(filepath)
    readers = {"hdf5": hdf5_format, "keras": keras_archive, "directory": saved_model_dir}
    reader = readers[file_checks.kind_of(path)]
    if reader is saved_model_dir and orbax_state.is_orbax_checkpoint(path):
        reader = orbax_format
    return reader.load_model(path, custom_objects=custom_objects, compile=compile, safe_mode=safe_mode)
