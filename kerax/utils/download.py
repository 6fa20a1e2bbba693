"""One download for `get_file`: streamed with urllib into a temporary file next to the target, with a progress
bar, checked (length, then hash) and only then renamed into place, so the target is never a partial file."""
import http.client
import os
import tempfile
import urllib.error
import urllib.request

from kerax.console import io_utils
from kerax.utils.file_hash import validate_file
from kerax.console.progbar import Progbar

_CHUNK = 1 << 16
_TIMEOUT_S = 60  # per socket operation: a stalled server fails instead of hanging forever


def _fetch(origin, out):
    """Writes the body of `origin` to `out`; raises ConnectionError when it fails or arrives incomplete."""
    with urllib.request.urlopen(origin, timeout=_TIMEOUT_S) as response:
        length = response.headers.get("Content-Length")
        expected = int(length) if length and length.isdigit() else None
        progbar = Progbar(expected)
        received = 0
        while chunk := response.read(_CHUNK):
            out.write(chunk)
            received += len(chunk)
            progbar.update(received, finalize=False)
        progbar.update(received, finalize=True)
    if expected is not None and received != expected:
        raise ConnectionError(f"the transfer stopped after {received} of {expected} bytes")


def _failure(origin, target, reason):
    return ConnectionError(
        f"URL fetch failure on {origin}: {reason}. If this machine cannot reach it, download the file "
        f"elsewhere and place it at {target} (it is then used without downloading)."
    )


def download(origin, target, file_hash=None, hash_algorithm="auto"):
    """Downloads `origin` to the path `target`, checking `file_hash` (sha256 or md5) when given."""
    io_utils.print_msg(f"Downloading data from {origin}")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.",
                                   suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                _fetch(origin, out)
            except urllib.error.HTTPError as e:
                raise _failure(origin, target, f"HTTP {e.code} -- {e.reason}") from e
            except urllib.error.URLError as e:
                raise _failure(origin, target, e.reason) from e
            except (ConnectionError, OSError, http.client.HTTPException) as e:
                raise _failure(origin, target, str(e) or repr(e)) from e
        if file_hash is not None and not validate_file(partial, file_hash, hash_algorithm):
            raise ValueError(
                f"Incomplete or corrupted file detected: the {hash_algorithm} hash of the file downloaded "
                f"from {origin} does not match the expected {file_hash}. The file was discarded; retry, or "
                "check `file_hash`."
            )
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
