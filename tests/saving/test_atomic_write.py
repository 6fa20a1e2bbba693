"""Saves leave no debris: a save killed half-way leaves a temporary file that the next save of the path
removes; write failures name the path and the problem."""
import os
import resource
import signal
import subprocess
import sys
import textwrap

import pytest

import kerax
from kerax import layers
from kerax.saving import atomic_write
from kerax.saving.atomic_write import atomic_file


def mlp():
    return kerax.Sequential([kerax.Input((300,)), layers.Dense(300)])


def _killed_mid_save(path):
    """A child process killed with SIGKILL while writing `path`'s temporary file."""
    child = textwrap.dedent(f"""
        import importlib.util, os, signal
        spec = importlib.util.spec_from_file_location("atomic_write", {atomic_write.__file__!r})
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)  # the module imports nothing of kerax
        with module.atomic_file({path!r}) as tmp:
            with open(tmp, "wb") as f:
                f.write(b"half a model")
            os.kill(os.getpid(), signal.SIGKILL)
    """)
    assert subprocess.run([sys.executable, "-c", child], check=False).returncode == -signal.SIGKILL


@pytest.mark.parametrize("name", ["model.keras", "model.h5", "model.weights.h5"])
def test_the_next_save_removes_what_a_killed_save_left(tmp_path, name):
    path = str(tmp_path / name)
    _killed_mid_save(path)
    left = [entry for entry in os.listdir(tmp_path) if entry.endswith(".tmp")]
    assert len(left) == 1 and left[0].startswith(f".{name}.")
    with atomic_file(path) as mine:  # a save still running in this process keeps its file
        model = mlp()
        (model.save_weights if name.endswith(".weights.h5") else model.save)(path)
        assert os.path.exists(mine)
    assert sorted(os.listdir(tmp_path)) == [name]


def test_a_save_under_a_regular_file_says_so(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    path = str(tmp_path / "notes.txt" / "sub" / "model.keras")
    with pytest.raises(NotADirectoryError, match=f"Cannot save to {path}: .*notes.txt is a file, not a "
                                                 "directory"):
        mlp().save(path)


@pytest.mark.parametrize("name", ["model.h5", "model.keras", "model.weights.h5"])
def test_a_write_that_cannot_extend_the_file_names_it(tmp_path, name):
    # Like a full disk: the process may not write files past 64 KB (the model is 360 KB).
    path = str(tmp_path / name)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    model = mlp()
    try:
        resource.setrlimit(resource.RLIMIT_FSIZE, (65536, hard))
        with pytest.raises(OSError, match=f"Could not save {path}: the file grew past what the file system or "
                                          "this process may write"):
            (model.save_weights if name.endswith(".weights.h5") else model.save)(path)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert os.listdir(tmp_path) == []


def test_a_full_disk_reported_by_hdf5_becomes_an_error_naming_the_path(tmp_path):
    path = str(tmp_path / "model.h5")
    # HDF5's own words, as h5py raises them
    with pytest.raises(OSError, match=f"Could not save {path}: the disk is full") as caught, atomic_file(path):
        raise RuntimeError("Can't decrement id ref count (unable to extend file properly, errno = 28, "
                           "error message = 'No space left on device')")
    assert caught.value.errno == 28
    assert os.listdir(tmp_path) == []
