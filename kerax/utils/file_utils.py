"""`get_file`: a file from a URL, cached under Keras's own cache folder (`$KERAS_HOME`, else `~/.keras`), so
files Keras already downloaded (e.g. `~/.keras/datasets/mnist.npz`) are used as they are."""
import os
import tempfile
import urllib.parse
import warnings

from kerax.console import io_utils
from kerax.utils.archive_utils import extract_archive
from kerax.utils.download import download
from kerax.utils.file_hash import validate_file


def keras_home():
    return os.environ.get("KERAS_HOME") or os.path.join(os.path.expanduser("~"), ".keras")


def _writable(folder):
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _fallback_datadir(cache_subdir):
    """Keras's cache when the usual one cannot be written: /tmp/.keras."""
    tmp = "/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()
    return os.path.join(tmp, ".keras", cache_subdir)


def _file_name(fname, origin):
    if fname:
        fname = os.fspath(fname)
        if os.sep in fname or (os.altsep and os.altsep in fname):
            raise ValueError(
                "Paths are no longer accepted as the `fname` argument. To specify the file's parent "
                f"directory, use the `cache_dir` argument. Received: fname={fname}"
            )
        return fname
    fname = os.path.basename(urllib.parse.urlsplit(origin).path)
    if not fname or fname in (os.curdir, os.pardir):
        raise ValueError(f"Can't parse the file name from the origin provided: '{origin}'. "
                         "Please specify the `fname` argument.")
    return fname


def _targets(datadir, fname, named, extract):
    """(where the download goes, where it is extracted) as Keras names them."""
    if not extract:
        return os.path.join(datadir, fname), None
    if named and "." in fname:
        return os.path.join(datadir, fname), os.path.join(datadir, f"{fname[:fname.find('.')]}_extracted")
    return os.path.join(datadir, f"{fname}_archive"), os.path.join(datadir, fname)


def _cached(path, file_hash, hash_algorithm):
    if not os.path.exists(path):
        return False
    if file_hash is None or validate_file(path, file_hash, hash_algorithm):
        return True
    io_utils.print_msg(
        f"A local file was found, but it seems to be incomplete or outdated because the {hash_algorithm} "
        f"file hash does not match the original value of {file_hash} so we will re-download the data."
    )
    return False


def get_file(fname=None, origin=None, untar=False, md5_hash=None, file_hash=None, cache_subdir="datasets",
             hash_algorithm="auto", extract=False, archive_format="auto", cache_dir=None,
             force_download=False):
    """Downloads a file from a URL if it is not already in the cache; returns its path.

    The file goes to `<cache_dir>/<cache_subdir>/<fname>` (by default `~/.keras/datasets/<fname>`, or under
    `$KERAS_HOME`; `/tmp/.keras` when that cannot be written). With `extract=True` (or the deprecated
    `untar=True`) a tar or zip archive is extracted and the extraction folder returned. `file_hash` (sha256,
    or md5; `md5_hash` is its deprecated form) is checked before the file is kept."""
    if origin is None:
        raise ValueError('Please specify the "origin" argument (URL of the file to download).')
    if md5_hash is not None and file_hash is None:
        file_hash, hash_algorithm = md5_hash, "md5"
    extract = extract or untar
    name = _file_name(fname, origin)
    datadirs = [os.path.join(os.path.expanduser(cache_dir or keras_home()), cache_subdir)]
    if not _writable(datadirs[0]):  # still read from, so a read-only Keras cache is used
        datadirs.append(_fallback_datadir(cache_subdir))
    found = None if force_download else next(
        (d for d in datadirs
         if _cached(_targets(d, name, bool(fname), extract)[0], file_hash, hash_algorithm)), None)
    datadir = found or datadirs[-1]
    download_target, extraction_dir = _targets(datadir, name, bool(fname), extract)
    downloaded = found is None
    if downloaded:
        download(origin, download_target, file_hash, hash_algorithm)
    if not extract:
        return download_target
    # Keras re-extracts on every call; an extraction is complete here (renamed into place), so it is reused.
    if downloaded or not os.path.isdir(extraction_dir) or not os.listdir(extraction_dir):
        if not extract_archive(download_target, extraction_dir, "tar" if untar else archive_format):
            warnings.warn(f"Could not extract archive {download_target}: it is not a tar or zip file.",
                          stacklevel=2)
    return extraction_dir
