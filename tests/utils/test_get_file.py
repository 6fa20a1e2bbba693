"""get_file against a local HTTP server on 127.0.0.1 (nothing else is contacted)."""
import hashlib
import io
import os
import socket
import tarfile
import zipfile

import pytest

from kerax import utils
from local_http_server import LocalServer

PAYLOAD = bytes(range(256)) * 300  # 76,800 bytes: several read chunks


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras_home"))
    return tmp_path / "keras_home"


@pytest.fixture
def server():
    with LocalServer() as s:
        yield s


def leftovers(folder):
    return sorted(p for p in os.listdir(folder) if p.endswith(".part") or p.endswith(".partial"))


def test_download_then_cache_hit_without_a_second_request(home, server):
    server.files["/data/blob.bin"] = PAYLOAD
    sha = hashlib.sha256(PAYLOAD).hexdigest()
    path = utils.get_file("blob.bin", server.url("/data/blob.bin"), file_hash=sha)
    assert path == str(home / "datasets" / "blob.bin")
    assert open(path, "rb").read() == PAYLOAD
    again = utils.get_file("blob.bin", server.url("/data/blob.bin"), file_hash=sha)
    assert again == path and server.requests == ["/data/blob.bin"]
    assert leftovers(home / "datasets") == []


def test_name_from_the_url_md5_auto_cache_subdir_and_force_download(home, server):
    server.files["/x/notes.txt"] = b"hello"
    path = utils.get_file(origin=server.url("/x/notes.txt"), cache_subdir="texts",
                          file_hash=hashlib.md5(b"hello").hexdigest())
    assert path == str(home / "texts" / "notes.txt")
    utils.get_file(origin=server.url("/x/notes.txt"), cache_subdir="texts", force_download=True)
    assert len(server.requests) == 2


def test_a_corrupted_cached_file_is_downloaded_again(home, server, capsys):
    server.files["/blob"] = PAYLOAD
    (home / "datasets").mkdir(parents=True)
    (home / "datasets" / "blob").write_bytes(b"stale")
    utils.get_file("blob", server.url("/blob"), file_hash=hashlib.sha256(PAYLOAD).hexdigest())
    assert (home / "datasets" / "blob").read_bytes() == PAYLOAD
    assert "hash does not match" in capsys.readouterr().out


def test_wrong_hash_raises_and_leaves_no_file(home, server):
    server.files["/blob"] = PAYLOAD
    with pytest.raises(ValueError, match="does not match the expected 0{64}"):
        utils.get_file("blob", server.url("/blob"), file_hash="0" * 64)
    assert os.listdir(home / "datasets") == []


def test_truncated_transfer_raises_and_leaves_no_file(home, server):
    server.files["/blob"] = PAYLOAD
    server.truncate.add("/blob")
    with pytest.raises(ConnectionError) as info:
        utils.get_file("blob", server.url("/blob"))
    assert server.url("/blob") in str(info.value)
    assert os.listdir(home / "datasets") == []


def test_unreachable_url_names_the_url_and_where_to_put_the_file(home):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/mnist.npz"
    with pytest.raises(ConnectionError) as info:
        utils.get_file("mnist.npz", url)
    message = str(info.value)
    assert url in message and str(home / "datasets" / "mnist.npz") in message
    assert os.listdir(home / "datasets") == []


def test_http_error_is_reported(home, server):
    with pytest.raises(ConnectionError, match="HTTP 404"):
        utils.get_file("missing", server.url("/missing"))


def test_fname_must_not_be_a_path_and_origin_is_required(home):
    with pytest.raises(ValueError, match="Paths are no longer accepted"):
        utils.get_file("a/b.npz", "http://127.0.0.1:1/b.npz")
    with pytest.raises(ValueError, match="origin"):
        utils.get_file("b.npz")
    with pytest.raises(ValueError, match="Can't parse the file name"):
        utils.get_file(origin="http://127.0.0.1:1/")


def test_an_existing_cache_file_is_used_without_any_request(home, server):
    (home / "datasets").mkdir(parents=True)
    (home / "datasets" / "mnist.npz").write_bytes(b"already here")
    path = utils.get_file("mnist.npz", server.url("/mnist.npz"))
    assert open(path, "rb").read() == b"already here" and server.requests == []


def tar_bytes(members, mode="w:gz"):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            if isinstance(data, tuple):  # ("symlink" | "hardlink", target)
                info.type = tarfile.SYMTYPE if data[0] == "symlink" else tarfile.LNKTYPE
                info.linkname = data[1]
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in members:
            z.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("make, name", [(tar_bytes, "pack.tar.gz"), (zip_bytes, "pack.zip")])
def test_archives_are_extracted_and_reused(home, server, make, name):
    server.files["/" + name] = make([("pack/a.txt", b"A"), ("pack/sub/b.txt", b"B")])
    folder = utils.get_file("pack", server.url("/" + name), extract=True)
    assert folder == str(home / "datasets" / "pack")
    assert (home / "datasets" / "pack" / "pack" / "sub" / "b.txt").read_bytes() == b"B"
    assert (home / "datasets" / "pack_archive").exists()
    assert utils.get_file("pack", server.url("/" + name), extract=True) == folder
    assert len(server.requests) == 1 and leftovers(home / "datasets") == []


def test_fname_with_an_extension_extracts_next_to_it(home, server):
    server.files["/d.tar"] = tar_bytes([("x.txt", b"x")], mode="w")
    folder = utils.get_file("d.tar", server.url("/d.tar"), untar=True)
    assert folder == str(home / "datasets" / "d_extracted")
    assert (home / "datasets" / "d_extracted" / "x.txt").read_bytes() == b"x"


HOSTILE = {
    "tar ..": (tar_bytes, [("ok.txt", b"fine"), ("../evil", b"owned")]),
    "zip ..": (zip_bytes, [("ok.txt", b"fine"), ("../evil", b"owned")]),
    "tar absolute": (tar_bytes, [("/tmp/kerax_test_evil_abs", b"owned")]),
    "tar symlink out": (tar_bytes, [("link", ("symlink", "../../")), ("link/evil", b"owned")]),
    "tar hardlink out": (tar_bytes, [("hard", ("hardlink", "../evil"))]),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_archives_are_refused_and_nothing_is_written(home, server, kind):
    make, members = HOSTILE[kind]
    server.files["/bad"] = make(members)
    with pytest.raises(ValueError, match="Refusing to extract") as info:
        utils.get_file("bad", server.url("/bad"), extract=True)
    assert "outside" in str(info.value)
    # the archive only: no extraction folder, no temporary leftovers
    assert sorted(os.listdir(home / "datasets")) == ["bad_archive"]
    assert not (home / "evil").exists() and not os.path.exists("/tmp/kerax_test_evil_abs")


def test_a_read_only_cache_is_read_and_downloads_go_to_the_fallback(home, server, tmp_path, monkeypatch):
    from kerax.utils import file_utils

    fallback = tmp_path / "tmp_keras"
    monkeypatch.setattr(file_utils, "_writable", lambda folder: not str(folder).startswith(str(home)))
    monkeypatch.setattr(file_utils, "_fallback_datadir", lambda subdir: str(fallback / subdir))
    (home / "datasets").mkdir(parents=True)
    (home / "datasets" / "kept.npz").write_bytes(b"from keras")
    server.files["/new.npz"] = b"new"
    assert utils.get_file("kept.npz", server.url("/kept.npz")) == str(home / "datasets" / "kept.npz")
    assert utils.get_file("new.npz", server.url("/new.npz")) == str(fallback / "datasets" / "new.npz")
    assert server.requests == ["/new.npz"] and not (home / "datasets" / "new.npz").exists()
