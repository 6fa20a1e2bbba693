"""Whether loading may run code stored in a file (Lambda bytecode). On unless `safe_mode=False`."""
import threading

_state = threading.local()


def in_safe_mode():
    return getattr(_state, "safe_mode", True)


def loading_in_safe_mode():
    """Whether a file is being loaded now with safe mode on (reading other files it names is refused)."""
    return getattr(_state, "depth", 0) > 0 and in_safe_mode()


class SafeModeScope:
    def __init__(self, safe_mode=True):
        self.safe_mode = safe_mode

    def __enter__(self):
        self._previous = in_safe_mode()
        _state.safe_mode = self.safe_mode if self.safe_mode is not None else self._previous
        _state.depth = getattr(_state, "depth", 0) + 1

    def __exit__(self, *exc):
        _state.safe_mode = self._previous
        _state.depth -= 1
