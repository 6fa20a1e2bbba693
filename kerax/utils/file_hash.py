"""File hashes for `get_file`: sha256, or md5 for old hashes; "auto" tells them apart by length."""
import hashlib


def resolve_hasher(algorithm, file_hash=None):
    """A fresh hashlib object: sha256 when asked, or for "auto" with a 64-character hash; md5 otherwise."""
    if algorithm not in ("auto", "sha256", "md5"):
        raise ValueError(f"Unknown hash_algorithm: {algorithm!r}. Expected 'auto', 'sha256' or 'md5'.")
    if algorithm == "sha256" or (algorithm == "auto" and file_hash is not None and len(file_hash) == 64):
        return hashlib.sha256()
    return hashlib.md5()


def hash_file(fpath, algorithm="sha256", chunk_size=65535):
    """The hex digest of a file; `algorithm` is a name or a hashlib object."""
    hasher = resolve_hasher(algorithm) if isinstance(algorithm, str) else algorithm
    with open(fpath, "rb") as f:
        for chunk in iter(lambda: f.read(chunk_size), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def validate_file(fpath, file_hash, algorithm="auto", chunk_size=65535):
    """Whether the file's hash equals `file_hash`."""
    return hash_file(fpath, resolve_hasher(algorithm, file_hash), chunk_size) == str(file_hash)
