"""Keras 3's model file: `model.keras`, a zip archive of `config.json` (the architecture, plus
`compile_config`), `metadata.json` (`keras_version`, `date_saved`) and `model.weights.h5` (the weights and
the optimizer state, laid out as weights_store.py describes). The same three files in a directory are
kerax's SavedModel-style format (saved_model_dir.py)."""
import datetime
import io
import json
import zipfile

from kerax.saving import compile_config, file_checks, json_format, weights_store
from kerax.saving.atomic_write import atomic_file

CONFIG_FILE = "config.json"
METADATA_FILE = "metadata.json"
WEIGHTS_FILE = "model.weights.h5"


def model_files(model, include_optimizer=True):
    """{file name: bytes} of the three files that describe `model`."""
    import h5py

    config = json_format.model_config(model)
    config["compile_config"] = compile_config.get_compile_config(model) if include_optimizer else None
    metadata = {"keras_version": json_format.KERAS_VERSION,
                "date_saved": datetime.datetime.now().strftime("%Y-%m-%d@%H:%M:%S")}
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as f:
        weights_store.save(model, f, include_optimizer=include_optimizer)
    return {
        METADATA_FILE: json.dumps(metadata).encode("utf8"),
        CONFIG_FILE: json.dumps(config, default=json_format.json_default).encode("utf8"),
        WEIGHTS_FILE: buffer.getvalue(),
    }


def model_from_files(read, source, custom_objects=None, compile=True, safe_mode=True):
    """Rebuilds a model from the three files; `read(name, limit)` returns a file's bytes (refusing more than
    `limit`), `source` names them."""
    config = json.loads(read(CONFIG_FILE, file_checks.JSON_MEMBER_LIMIT))
    model = json_format.model_from_config(config, custom_objects, safe_mode_enabled=safe_mode)
    if compile and config.get("compile_config"):
        compile_config.compile_from_config(model, config["compile_config"], custom_objects)
    load_weights_bytes(model, read(WEIGHTS_FILE, file_checks.weights_member_limit(model)),
                       f"{source}/{WEIGHTS_FILE}")
    return model


def load_weights_bytes(model, data, source, by_name=False, skip_mismatch=False):
    with file_checks.open_hdf5(io.BytesIO(data), source) as f:
        weights_store.load(model, f, source, by_name=by_name, skip_mismatch=skip_mismatch)


def save_model(model, path, include_optimizer=True):
    files = model_files(model, include_optimizer)
    with atomic_file(path) as tmp, zipfile.ZipFile(tmp, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def _reader(archive, path):
    def read(name, limit):
        try:
            info = archive.getinfo(name)
            return file_checks.read_bounded(lambda: archive.open(info), info.file_size, limit, f"{name} in {path}")
        except KeyError:
            raise ValueError(f"{path} has no {name}: it is not a Keras model archive.") from None
        except zipfile.BadZipFile as error:
            raise ValueError(f"Cannot read {name} from {path}: the archive is corrupted ({error}).") from None
    return read


def load_model(path, custom_objects=None, compile=True, safe_mode=True):
    with file_checks.open_zip(path) as archive:
        return model_from_files(_reader(archive, path), path, custom_objects, compile, safe_mode)


def load_weights(model, path, by_name=False, skip_mismatch=False):
    """The weights (and optimizer state) of a `.keras` file, into an already built `model`."""
    with file_checks.open_zip(path) as archive:
        data = _reader(archive, path)(WEIGHTS_FILE, file_checks.weights_member_limit(model))
        load_weights_bytes(model, data, f"{path}/{WEIGHTS_FILE}", by_name=by_name, skip_mismatch=skip_mismatch)
