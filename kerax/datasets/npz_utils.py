"""Reading the pickled parts of Keras's dataset files without letting a pickle run code.

imdb.npz and reuters.npz hold ragged sequences as NumPy object arrays, and the CIFAR batches are pickled
dicts: all of them need pickle, but rebuilding them takes only NumPy's array constructor, `ndarray` and
`dtype`. Any other global (os.system, eval, ...) is refused, so a tampered file fails instead of executing
code."""
import io
import pickle
import zipfile

import numpy as np

_RECONSTRUCT = np.empty(0).__reduce__()[0]  # numpy's array rebuilder, whatever module NumPy keeps it in
_ALLOWED = {
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): np.dtype,
    ("numpy.core.multiarray", "_reconstruct"): _RECONSTRUCT,  # files pickled by NumPy < 2
    ("numpy._core.multiarray", "_reconstruct"): _RECONSTRUCT,
}


class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _ALLOWED:
            return _ALLOWED[(module, name)]
        raise pickle.UnpicklingError(
            f"Refusing to load `{module}.{name}` from a dataset file: only NumPy arrays may be unpickled. "
            "The file may be corrupted or malicious; delete it so it is downloaded again."
        )


def _read_npy(fp):
    version = np.lib.format.read_magic(fp)
    read_header = np.lib.format.read_array_header_1_0 if version == (1, 0) else \
        np.lib.format.read_array_header_2_0  # 3.0 differs from 2.0 only in the header's text encoding
    _, _, dtype = read_header(fp)
    if dtype.hasobject:
        return RestrictedUnpickler(fp).load()
    fp.seek(0)
    return np.lib.format.read_array(fp, allow_pickle=False)


def load_npz(path):
    """The arrays of an `.npz` file as a dict, object arrays included (through the restricted unpickler)."""
    with zipfile.ZipFile(path) as archive:
        return {member[:-len(".npy")]: _read_npy(io.BytesIO(archive.read(member)))
                for member in archive.namelist() if member.endswith(".npy")}
