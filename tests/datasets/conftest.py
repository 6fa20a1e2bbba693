"""Dataset tests build tiny files in Keras's real formats inside a temporary KERAS_HOME; any attempt to open a
URL other than 127.0.0.1 fails the test."""
import hashlib
import urllib.parse
import urllib.request

import pytest

from kerax.datasets import sources


@pytest.fixture(autouse=True)
def keras_home(tmp_path, monkeypatch):
    home = tmp_path / "keras_home"
    monkeypatch.setenv("KERAS_HOME", str(home))
    real_urlopen = urllib.request.urlopen

    def local_only(url, *args, **kwargs):
        host = urllib.parse.urlsplit(url if isinstance(url, str) else url.full_url).hostname
        assert host == "127.0.0.1", f"a dataset test tried to download {url}"
        return real_urlopen(url, *args, **kwargs)

    monkeypatch.setattr(urllib.request, "urlopen", local_only)
    return home


@pytest.fixture
def place(keras_home, monkeypatch):
    """place(name, data, cache_name=None, subdir="datasets"): writes `data` where get_file caches the dataset
    file `name`, and makes its expected hash the hash of `data` (the real files' hashes cannot match)."""

    def place(name, data, cache_name=None, subdir="datasets"):
        folder = keras_home / subdir
        folder.mkdir(parents=True, exist_ok=True)
        (folder / (cache_name or name)).write_bytes(data)
        origin, file_hash = sources.FILES[name]
        new_hash = None if file_hash is None else (
            hashlib.sha256(data) if len(file_hash) == 64 else hashlib.md5(data)).hexdigest()
        monkeypatch.setitem(sources.FILES, name, (origin, new_hash))

    return place
