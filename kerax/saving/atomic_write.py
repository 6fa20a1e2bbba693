"""Writes that never leave a half-written file behind: everything goes to a temporary sibling first and is
renamed into place only once complete, so an interrupted save keeps the previous file intact.

A temporary sibling is named `.<name>.<pid>.<random>.tmp` after the process writing it. A process killed
mid-save cannot remove its own; the next save of the same path removes those whose process is gone (never
one that a running save is still writing). Errors name the path being saved and what went wrong."""
import contextlib
import errno
import os
import shutil
import tempfile


def _prepare_parent(path):
    parent = os.path.dirname(os.path.abspath(path))
    blocker = parent
    while blocker and not os.path.exists(blocker):
        blocker = os.path.dirname(blocker)
    if blocker and not os.path.isdir(blocker):
        raise NotADirectoryError(
            f"Cannot save to {path}: {blocker} is a file, not a directory, so nothing can be written under it. "
            "Choose another path, or move that file away."
        )
    os.makedirs(parent, exist_ok=True)
    return parent


def _prefix(path):
    return f".{os.path.basename(path)}.{os.getpid()}."


def _is_running(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def remove_stale_temporaries(path):
    """Removes what saves of `path` killed before they finished left behind (`.<name>.<pid>.*.tmp`)."""
    parent, name = os.path.dirname(os.path.abspath(path)), os.path.basename(path)
    for entry in os.listdir(parent):
        parts = entry[len(name) + 2:].split(".")
        if not (entry.startswith(f".{name}.") and entry.endswith((".tmp", ".old")) and len(parts) == 3):
            continue
        if parts[0].isdigit() and not _is_running(int(parts[0])):
            _remove(os.path.join(parent, entry))


def _remove(path):
    if os.path.isdir(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            os.remove(path)


_REASONS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
            errno.EFBIG: "the file grew past what the file system or this process may write"}


@contextlib.contextmanager
def _naming_failures(path):
    """Write errors, including HDF5's ("unable to extend file", a RuntimeError without the file's name),
    become an OSError that names `path` and the problem."""
    try:
        yield
    except (OSError, RuntimeError) as error:
        if isinstance(error, RuntimeError) and "errno" not in str(error):
            raise
        code = getattr(error, "errno", None) or next(
            (c for c in _REASONS if f"errno = {c}," in str(error)), None)
        reason = _REASONS.get(code, "the system refused the write")
        raise OSError(code, f"Could not save {path}: {reason} ({error}). The previous file, if any, is "
                            "unchanged; free some space or choose another location.") from error


@contextlib.contextmanager
def atomic_file(path):
    """`with atomic_file(path) as tmp:` write to `tmp`; on success it replaces `path`, on error it goes."""
    path = os.fspath(path)
    parent = _prepare_parent(path)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(prefix=_prefix(path), suffix=".tmp", dir=parent)
    os.close(fd)
    try:
        with _naming_failures(path):
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
    remove_stale_temporaries(path)
    tmp = tempfile.mkdtemp(prefix=_prefix(path), suffix=".tmp", dir=parent)
    try:
        with _naming_failures(path):
            yield tmp
            _swap_in(tmp, path, parent)
    finally:
        if os.path.isdir(tmp):
            shutil.rmtree(tmp, ignore_errors=True)


def _swap_in(tmp, path, parent):
    if os.path.isdir(path):
        old = tempfile.mkdtemp(prefix=_prefix(path), suffix=".old", dir=parent)
        os.rmdir(old)
        os.replace(path, old)
        os.replace(tmp, path)
        shutil.rmtree(old, ignore_errors=True)
    else:
        if os.path.exists(path):
            os.remove(path)
        os.replace(tmp, path)


def check_overwrite(path, overwrite):
    if not overwrite and os.path.exists(path):
        raise FileExistsError(f"{path} already exists. Pass `overwrite=True` to replace it.")
