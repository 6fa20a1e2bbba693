"""Extracting tar (plain, gz, bz2, xz) and zip archives safely.

Every member is checked before anything is written: a member whose path is absolute or climbs out with `..`, a
link pointing outside the target folder, or a device file refuses the whole archive. The archive is extracted
into a temporary folder next to the target and renamed into place, so a failure leaves no partial folder."""
import inspect
import os
import shutil
import tarfile
import tempfile
import zipfile

_FORMATS = {"tar": (tarfile.is_tarfile, tarfile.open), "zip": (zipfile.is_zipfile, zipfile.ZipFile)}


def _inside(base, relative):
    if os.path.isabs(relative) or os.path.splitdrive(relative)[0]:
        return False
    path = os.path.normpath(os.path.join(base, relative))
    return path == base or path.startswith(base + os.sep)


def _tar_problem(base, member):
    if not _inside(base, member.name):
        return "its path leaves the target folder"
    if member.issym() and not _inside(base, os.path.join(os.path.dirname(member.name), member.linkname)):
        return f"it is a symbolic link to {member.linkname!r}, outside the target folder"
    if member.islnk() and not _inside(base, member.linkname):
        return f"it is a hard link to {member.linkname!r}, outside the target folder"
    if member.isdev():
        return "it is a device or FIFO file"
    return None


def _check_members(archive, base, file_path):
    if isinstance(archive, zipfile.ZipFile):
        problems = [(info.filename, "its path leaves the target folder") for info in archive.infolist()
                    if not _inside(base, info.filename)]
    else:
        problems = [(m.name, _tar_problem(base, m)) for m in archive.getmembers() if _tar_problem(base, m)]
    if problems:
        listed = "; ".join(f"{name!r}: {why}" for name, why in problems[:5])
        raise ValueError(
            f"Refusing to extract {file_path}: {len(problems)} member(s) would be written outside "
            f"{base} ({listed}). The archive is unsafe or corrupted; nothing was extracted."
        )


def _extract_all(archive, folder):
    kwargs = {}
    if isinstance(archive, tarfile.TarFile) and "filter" in inspect.signature(archive.extractall).parameters:
        kwargs["filter"] = "data"  # Python's own safety filter, on top of the checks above
    archive.extractall(folder, **kwargs)


def extract_archive(file_path, path=".", archive_format="auto"):
    """Extracts `file_path` into the folder `path` if it is an archive of one of the formats in
    `archive_format` ("auto" = ["tar", "zip"], a name, a list, or None for none). Returns whether it was."""
    if archive_format is None:
        return False
    formats = ["tar", "zip"] if archive_format == "auto" else [archive_format] \
        if isinstance(archive_format, str) else list(archive_format)
    file_path, path = os.fspath(file_path), os.path.abspath(os.fspath(path))
    for name in formats:
        if name not in _FORMATS:
            raise ValueError(f"Unknown archive_format {name!r}: expected 'tar', 'zip', 'auto' or None.")
        is_format, open_archive = _FORMATS[name]
        if not is_format(file_path):
            continue
        parent = os.path.dirname(path)
        os.makedirs(parent, exist_ok=True)
        staging = tempfile.mkdtemp(dir=parent, prefix=f".{os.path.basename(path)}.", suffix=".partial")
        try:
            with open_archive(file_path) as archive:
                _check_members(archive, path, file_path)
                _extract_all(archive, staging)
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            elif os.path.lexists(path):
                os.remove(path)
            os.replace(staging, path)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return True
    return False
