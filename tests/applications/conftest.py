"""Application tests: weight files and the class index come from a temporary KERAS_HOME (no network), and
big architectures are built with weights that only hold their shapes."""
import urllib.parse
import urllib.request

import numpy as np
import pytest

import kerax


@pytest.fixture(autouse=True)
def keras_home(tmp_path, monkeypatch):
    """A fresh Keras cache; any attempt to open a URL other than 127.0.0.1 fails the test."""
    home = tmp_path / "keras_home"
    monkeypatch.setenv("KERAS_HOME", str(home))
    real_urlopen = urllib.request.urlopen

    def local_only(url, *args, **kwargs):
        host = urllib.parse.urlsplit(url if isinstance(url, str) else url.full_url).hostname
        assert host == "127.0.0.1", f"an application test tried to download {url}"
        return real_urlopen(url, *args, **kwargs)

    monkeypatch.setattr(urllib.request, "urlopen", local_only)
    return home


@pytest.fixture(scope="module")
def shape_only_weights():
    """While a test module uses it, new Variables hold a zero-strided NumPy view of their shape instead of
    random values on the device. Parameter counts, names and symbolic shapes depend only on shapes; this makes
    building all 40 architectures take seconds instead of minutes (drawing and copying their 1.9 billion
    initial values costs ~200 s on 2 CPU cores). Models built this way cannot run."""
    variable = kerax.backend.Variable
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(variable, "_run_initializer",
                      lambda self, initializer, shape: np.broadcast_to(np.zeros((), self._dtype), shape))
        patch.setattr(variable, "_convert_to_tensor", lambda self, value: np.asarray(value))
        yield
