"""The `training` flag travels from the outermost layer call to every nested call that does not set it."""
import threading

_state = threading.local()


def current_training():
    stack = getattr(_state, "stack", None)
    return stack[-1] if stack else None


def is_outermost_call():
    return not getattr(_state, "stack", None)


class CallContext:
    def __init__(self, training):
        self.training = training

    def __enter__(self):
        if not hasattr(_state, "stack"):
            _state.stack = []
        _state.stack.append(self.training)

    def __exit__(self, *exc):
        _state.stack.pop()
