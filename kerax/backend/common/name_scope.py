"""`name_scope`: a sub-namespace for variable paths (Keras 3). A Variable created inside
`with name_scope("block"):` has the path `block/<name>`; a layer's weights `block/<layer>/<name>`."""
import threading

_state = threading.local()


class name_scope:  # noqa: N801 (Keras's spelling: it reads as a function)
    """Opens the scope `name` under the current one.

    caller: the object entering it (e.g. a layer); with `deduplicate`, re-entering the scope that the same
    caller opened last with the same name adds nothing. override_parent: an absolute path that replaces the
    scopes opened so far.
    """

    def __init__(self, name, caller=None, deduplicate=True, override_parent=None):
        if not isinstance(name, str) or "/" in name:
            raise ValueError(
                f"Argument `name` must be a string and cannot contain character `/`. Received: name={name}"
            )
        self.name = name
        self.caller = caller
        self.deduplicate = deduplicate
        self.override_parent = override_parent
        self._pushed = False

    def __enter__(self):
        stack = _stack()
        top = stack[-1] if stack else None
        repeated = top is not None and self.caller is not None and top.caller is self.caller and (
            top.name == self.name)
        if not (self.deduplicate and repeated):
            stack.append(self)
            self._pushed = True
        return self

    def __exit__(self, *exc_info):
        if self._pushed:
            _stack().pop()
            self._pushed = False


def _stack():
    if not hasattr(_state, "stack"):
        _state.stack = []
    return _state.stack


def current_path():
    """The path of the open scopes, "outer/inner" ("" outside any)."""
    parts = []
    for scope in _stack():
        if scope.override_parent is not None:
            parts = [p for p in scope.override_parent.split("/") if p]
        parts.append(scope.name)
    return "/".join(parts)


def scoped(name):
    """`name` under the current path."""
    parent = current_path()
    return f"{parent}/{name}" if parent else name
