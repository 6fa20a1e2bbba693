"""The directory format of `model.save('my_model')` (tf.keras's SavedModel path) and
`kerax.experimental.export_saved_model`: a directory holding the three files of a `.keras` archive
(`config.json`, `metadata.json`, `model.weights.h5`), readable with any JSON/HDF5 tool.

TensorFlow's own SavedModel (`saved_model.pb` with TF graphs) needs TensorFlow; kerax says so when given one.
"""
import os

from kerax.saving import file_checks, keras_archive
from kerax.saving.atomic_write import atomic_directory


def save_model(model, path, include_optimizer=True):
    files = keras_archive.model_files(model, include_optimizer)
    with atomic_directory(path) as tmp:
        for name, data in files.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)


def _reader(path):
    if not os.path.exists(os.path.join(path, keras_archive.CONFIG_FILE)):
        if os.path.exists(os.path.join(path, "saved_model.pb")):
            raise ValueError(
                f"{path} is a TensorFlow SavedModel (saved_model.pb), which needs TensorFlow to read. "
                "Re-save it from TensorFlow with `model.save('model.keras')` or `model.save('model.h5')`, "
                "which kerax reads."
            )
        raise ValueError(f"{path} is a directory without {keras_archive.CONFIG_FILE}: not a saved model.")

    def read(name, limit):
        member = os.path.join(path, name)
        try:
            return file_checks.read_bounded(lambda: open(member, "rb"), os.path.getsize(member), limit, member)
        except FileNotFoundError:
            raise ValueError(f"The saved model {path} has no {name}: it is incomplete.") from None

    return read


def load_model(path, custom_objects=None, compile=True, safe_mode=True):
    return keras_archive.model_from_files(_reader(path), path, custom_objects, compile, safe_mode)


def load_weights(model, path, by_name=False, skip_mismatch=False):
    name = keras_archive.WEIGHTS_FILE
    data = _reader(path)(name, file_checks.weights_member_limit(model))
    keras_archive.load_weights_bytes(model, data, os.path.join(path, name), by_name=by_name,
                                     skip_mismatch=skip_mismatch)
