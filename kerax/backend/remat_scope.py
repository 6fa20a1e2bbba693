"""`RematScope` and `remat`: gradient checkpointing (Keras 3). Layers created inside a RematScope recompute
their call's intermediate values in the backward pass instead of keeping them (layers/remat_call.py)."""
import collections
import threading

from kerax.backend import engine

MODES = ("full", "activations", "larger_than", "list_of_layers", None)
RematMode = collections.namedtuple("RematMode", ["mode", "output_size_threshold", "layer_names"])
_state = threading.local()


def remat(f):
    """`f` with rematerialization: the same values and gradients, with its intermediate results recomputed
    during the backward pass rather than stored."""
    return engine.remat(f)


class RematScope:
    """Context manager: layers created inside it apply rematerialization to their calls.

    mode: "full" (every layer), "activations" (the `activation` of layers that have one), "larger_than"
    (layers whose output has more than `output_size_threshold` elements), "list_of_layers" (the layers named
    in `layer_names`) or None (no rematerialization, e.g. inside an outer scope).
    """

    def __init__(self, mode="full", output_size_threshold=1024, layer_names=None):
        if mode not in MODES:
            raise ValueError(
                f"Invalid mode '{mode}'. Supported modes are: 'full', 'activations', 'larger_than', "
                "'list_of_layers', or None."
            )
        self.mode = mode
        self.output_size_threshold = output_size_threshold
        self.layer_names = list(layer_names or [])

    def __enter__(self):
        _stack().append(self)
        return self

    def __exit__(self, *exc_info):
        _stack().pop()


def _stack():
    if not hasattr(_state, "stack"):
        _state.stack = []
    return _state.stack


def get_current_remat_mode():
    """The innermost RematScope's settings as a RematMode, or None outside any scope."""
    stack = _stack()
    if not stack:
        return None
    scope = stack[-1]
    return RematMode(scope.mode, scope.output_size_threshold, scope.layer_names)
