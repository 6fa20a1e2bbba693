"""Writes that never leave a half-written file behind: everything goes to a temporary sibling first and is
renamed into place only once complete, so an interrupted save keeps the previous file intact."""
import contextlib
import os
import shutil
import tempfile


def _prepare_parent(path):
    parent = os.path.dirname(os.path.abspath(path))
    os.makedirs(parent, exist_ok=True)
    return parent


@contextlib.contextmanager
def atomic_file(path):
    """`with atomic_file(path) as tmp:` write to `tmp`; on success it replaces `path`, on error it goes."""
    path = os.fspath(path)
    parent = _prepare_parent(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=parent)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


@contextlib.contextmanager
def atomic_directory(path):
    """Like `atomic_file` for a directory: the old directory is swapped out only after the new one is done."""
    path = os.fspath(path).rstrip("/\\") or os.fspath(path)
    parent = _prepare_parent(path)
    tmp = tempfile.mkdtemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=parent)
    try:
        yield tmp
        if os.path.isdir(path):
            old = tempfile.mkdtemp(prefix=f".{os.path.basename(path)}.", suffix=".old", dir=parent)
            os.rmdir(old)
            os.replace(path, old)
            os.replace(tmp, path)
            shutil.rmtree(old, ignore_errors=True)
        else:
            if os.path.exists(path):
                os.remove(path)
            os.replace(tmp, path)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)


def check_overwrite(path, overwrite):
    if not overwrite and os.path.exists(path):
        raise FileExistsError(f"{path} already exists. Pass `overwrite=True` to replace it.")
