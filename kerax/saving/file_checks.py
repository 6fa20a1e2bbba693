"""Opening saved files with errors that name the path and say what is wrong: missing, truncated, not HDF5,
a TensorFlow checkpoint or SavedModel kerax cannot read."""
import contextlib
import math
import os
import zipfile

# A model's config.json or metadata.json describes it: a few MB even for thousands of layers.
JSON_MEMBER_LIMIT = 16 * 2**20

_TF_FORMATS = (
    "Re-save it from TensorFlow as `model.save('model.keras')`, `model.save('model.h5')` or "
    "`model.save_weights('weights.h5')`, which kerax reads."
)


def _missing(path):
    if os.path.exists(f"{path}.index"):
        return ValueError(
            f"{path} is a TensorFlow checkpoint ({path}.index), a format that needs TensorFlow to read. "
            + _TF_FORMATS
        )
    return FileNotFoundError(f"No file or directory found at {path}.")


@contextlib.contextmanager
def open_hdf5(path, source=None):
    """Opens `path` (a path or a file object) for reading; `source` names it in errors."""
    import h5py

    source = source or path
    if isinstance(path, (str, os.PathLike)) and not os.path.exists(path):
        raise _missing(path)
    try:
        f = h5py.File(path, "r")
    except OSError as error:
        raise ValueError(
            f"Cannot read {source}: it is not a valid HDF5 file (it may be truncated or corrupted, or in "
            f"another format). HDF5 said: {error}"
        ) from None
    with f:
        yield f


def kind_of(path):
    """'directory', 'keras' (a zip archive) or 'hdf5'; raises a clear error for anything else."""
    path = os.fspath(path)
    if os.path.isdir(path):
        return "directory"
    if not os.path.exists(path):
        raise _missing(path)
    with open(path, "rb") as f:
        head = f.read(8)
    if head.startswith(b"PK"):
        return "keras"
    import h5py

    if head == b"\x89HDF\r\n\x1a\n" or h5py.is_hdf5(path):
        return "hdf5"
    raise ValueError(
        f"Cannot read {path}: it is neither a Keras archive (`.keras`, a zip file) nor an HDF5 file (`.h5`). "
        "The file may be truncated or corrupted, or not a Keras file."
    )


def open_zip(path):
    try:
        return zipfile.ZipFile(path, "r")
    except zipfile.BadZipFile as error:
        raise ValueError(
            f"Cannot read {path}: it is not a valid `.keras` archive (the zip file may be truncated or "
            f"corrupted): {error}"
        ) from None


def weights_member_limit(model):
    """The most a weights file for `model` can need: its weights and three optimizer slots for each, at up to
    8 bytes an element, plus HDF5's bookkeeping."""
    return 32 * sum(math.prod(v.shape) for v in model.weights) + 64 * 2**20


def read_bounded(open_member, declared_size, limit, what):
    """The bytes of an archive member, refused (before anything is inflated) when its declared size, or the
    size it turns out to have, is more than its role can need: a damaged or hostile file."""
    def refuse(size):
        return ValueError(
            f"Refusing to read {what}: it holds {size} bytes, more than the {limit} bytes a file in this role "
            "can need. The file is damaged or was made to exhaust memory; load only files you trust."
        )

    if declared_size > limit:
        raise refuse(declared_size)
    with open_member() as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise refuse(f"over {limit}")
    return data
