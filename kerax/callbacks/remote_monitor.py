"""RemoteMonitor: POSTs each epoch's logs to a server (with the standard library, no `requests` needed)."""
import json
import urllib.error
import urllib.parse
import urllib.request
import warnings

import numpy as np

from kerax.callbacks.callback import Callback

TIMEOUT_SECONDS = 10  # a dead server costs an epoch at most this long


def _plain(value):
    if isinstance(value, (np.ndarray, np.generic)):
        return value.item() if np.ndim(value) == 0 else value.tolist()
    return value


class RemoteMonitor(Callback):
    """Sends `{"epoch": epoch, **logs}` to `root + path` at the end of every epoch: as a JSON body when
    `send_as_json`, else as the form field `field` holding that JSON. An unreachable server only warns."""

    def __init__(self, root="http://localhost:9000", path="/publish/epoch/end/", field="data", headers=None,
                 send_as_json=False):
        super().__init__()
        self.root = root
        self.path = path
        self.field = field
        self.headers = headers
        self.send_as_json = send_as_json

    def _request(self, payload):
        headers = dict(self.headers or {})
        if self.send_as_json:
            body = json.dumps(payload).encode("utf-8")
            headers.setdefault("Content-Type", "application/json")
        else:
            body = urllib.parse.urlencode({self.field: json.dumps(payload)}).encode("utf-8")
            headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        return urllib.request.Request(self.root + self.path, data=body, headers=headers, method="POST")

    def on_epoch_end(self, epoch, logs=None):
        payload = {"epoch": epoch, **{key: _plain(value) for key, value in (logs or {}).items()}}
        try:
            with urllib.request.urlopen(self._request(payload), timeout=TIMEOUT_SECONDS):
                pass
        except (urllib.error.URLError, OSError):
            warnings.warn(f"Could not reach RemoteMonitor root server at {self.root}", stacklevel=2)
