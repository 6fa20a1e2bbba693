"""RemoteMonitor POSTs each epoch's logs to a local HTTP server (127.0.0.1, a free port, a bounded thread)."""
import http.server
import json
import socket
import threading
import urllib.parse

import numpy as np
import pytest

from kerax import callbacks


@pytest.fixture
def server():
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"])).decode()
            received.append({"path": self.path, "headers": dict(self.headers), "body": body})
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", received
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


def test_posts_logs_as_a_form_field_per_epoch(server, linear_model, regression_data):
    root, received = server
    model = linear_model(np.zeros((3, 1)), np.zeros(1))
    monitor = callbacks.RemoteMonitor(root=root, path="/epochs/", field="payload", headers={"X-Run": "7"})
    history = model.fit(*regression_data, batch_size=4, epochs=2, verbose=0, callbacks=[monitor])
    assert [r["path"] for r in received] == ["/epochs/", "/epochs/"]
    assert received[0]["headers"]["X-Run"] == "7"
    assert received[0]["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    sent = [json.loads(urllib.parse.parse_qs(r["body"])["payload"][0]) for r in received]
    assert [s["epoch"] for s in sent] == [0, 1]
    np.testing.assert_allclose([s["loss"] for s in sent], history.history["loss"], rtol=1e-6)


def test_posts_json_bodies(server):
    root, received = server
    monitor = callbacks.RemoteMonitor(root=root, send_as_json=True)
    monitor.on_epoch_end(3, {"loss": np.float32(0.5), "f1": np.array([0.25, 0.75])})
    assert received[0]["path"] == "/publish/epoch/end/"
    assert received[0]["headers"]["Content-Type"] == "application/json"
    assert json.loads(received[0]["body"]) == {"epoch": 3, "loss": 0.5, "f1": [0.25, 0.75]}


def test_unreachable_server_only_warns():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again below: nothing listens there
    monitor = callbacks.RemoteMonitor(root=f"http://127.0.0.1:{port}")
    expected = f"Could not reach RemoteMonitor root server at http://127.0.0.1:{port}"
    with pytest.warns(UserWarning, match=expected):
        monitor.on_epoch_end(0, {"loss": 1.0})
