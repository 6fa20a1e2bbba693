"""tf.compat.v1.Session and `K.set_session` / `K.get_session`: there is no graph to run, so a Session is the
carrier of its ConfigProto, applied to the engine when the Session is created.

GPU memory settings (allow_growth, per_process_gpu_memory_fraction), visible GPUs and the number of CPU
devices are read by JAX when the engine starts (the first array or computation). A Session created later
cannot change them: each such setting is named in a warning that says to create the Session (or set the
environment variable) before first use. Nothing is dropped silently.
"""
import os
import warnings

from kerax.backend import engine
from kerax.backend.session_config import ConfigProto

_current = [None]


class Session:
    def __init__(self, target="", graph=None, config=None):
        self.config = config if config is not None else ConfigProto()
        _apply(self.config)
        self._closed = False

    def run(self, fetches, feed_dict=None, options=None, run_metadata=None):
        """The values of `fetches` (tensors or Variables, nested) as NumPy; there is nothing to feed."""
        if feed_dict:
            raise NotImplementedError("Session.run(feed_dict=...) needs TF1 graphs and placeholders, which "
                                      "kerax does not have: call the model or function on the values directly.")
        return engine.to_host(_values(fetches))

    def as_default(self):
        return self

    def close(self):
        self._closed = True

    def __enter__(self):
        self._previous = _current[0]
        _current[0] = self
        return self

    def __exit__(self, *exc):
        _current[0] = self._previous
        self.close()


InteractiveSession = Session


def set_session(session):
    """Makes `session` the current one (its config was applied when it was created)."""
    _current[0] = session


def get_session():
    """The current Session (a default one is created the first time, as TF did)."""
    if _current[0] is None:
        _current[0] = Session()
    return _current[0]


def _values(fetches):
    if isinstance(fetches, (list, tuple)):
        return type(fetches)(_values(f) for f in fetches)
    if isinstance(fetches, dict):
        return {k: _values(v) for k, v in fetches.items()}
    return getattr(fetches, "value", fetches)


def _apply(config):
    gpu = config.gpu_options
    device_count = {str(k).upper(): int(v) for k, v in config.device_count.items()}
    too_late = engine.configure_engine(
        allow_growth=bool(gpu.allow_growth) or None,
        memory_fraction=gpu.per_process_gpu_memory_fraction or None,
        hide_gpus=device_count.get("GPU") == 0 or None, log_placement=bool(config.log_device_placement))
    too_late += _before_start("visible_device_list", "CUDA_VISIBLE_DEVICES", gpu.visible_device_list)
    if device_count.get("CPU", 1) > 1:
        flag = f"--xla_force_host_platform_device_count={device_count['CPU']}"
        too_late += _before_start("device_count={'CPU': ...}", "XLA_FLAGS",
                                  f"{os.environ.get('XLA_FLAGS', '')} {flag}".strip(), flag)
    if engine.gpus_hidden_too_late():
        too_late.append("CUDA_VISIBLE_DEVICES=-1")
    if too_late:
        warnings.warn(
            f"These settings can no longer take effect: {', '.join(too_late)}. The engine (JAX) reads them "
            "when it starts, and it has already started in this process. Set them before first use: create the "
            "Session (or set the environment variable, e.g. XLA_PYTHON_CLIENT_PREALLOCATE=false, "
            "XLA_PYTHON_CLIENT_MEM_FRACTION, CUDA_VISIBLE_DEVICES) before any other kerax computation.",
            RuntimeWarning, stacklevel=3)
    if config.intra_op_parallelism_threads or config.inter_op_parallelism_threads:
        warnings.warn("intra_op_parallelism_threads / inter_op_parallelism_threads are not applied: XLA "
                      "sizes its own thread pools.", RuntimeWarning, stacklevel=3)


def _before_start(setting, variable, value, marker=None):
    """Sets an environment variable the engine reads at start; returns [setting] if that is too late."""
    if not value or (marker or value) in os.environ.get(variable, ""):
        return []
    if engine.engine_started():
        return [setting]
    os.environ[variable] = str(value)
    return []
